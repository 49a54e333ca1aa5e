"""Celery lives here and nowhere else. Importing the app makes `shared_task` bind to it."""

from workers.celery import app as celery_app

__all__ = ["celery_app"]
