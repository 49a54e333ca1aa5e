from django.apps import AppConfig


class WebConfig(AppConfig):
    """The web pages (issue 10): server-rendered views and templates over the apps' selectors and services."""

    name = "web"
    verbose_name = "Web pages"
