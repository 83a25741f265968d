"""Shared fixtures; pytest-django's `admin_user` and `admin_client` serve as the superuser."""
