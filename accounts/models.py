"""Accounts keep no tables of their own: users and groups are django.contrib.auth's.

The module exists so that Django sends this app a post_migrate signal, on which the roles are synced
(accounts/apps.py, accounts/roles.py).
"""
