"""The API of organisations and users, and signing in and out."""
