"""Accounts and roles in the admin, as Django lays them out, filtering only by their declared filters."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from config.admin_lookups import DeclaredLookupsMixin

User = get_user_model()


class AccountAdmin(DeclaredLookupsMixin, UserAdmin):
    pass


class RoleAdmin(DeclaredLookupsMixin, GroupAdmin):
    pass


admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
admin.site.unregister(Group)
admin.site.register(Group, RoleAdmin)
