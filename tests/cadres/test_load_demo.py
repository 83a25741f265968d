"""load_demo does what it says: demo records written over by id, records users added kept, demo accounts
not logged out when run again with the same password."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cadres.management.commands.load_demo import LOADED
from cadres.models import Cadre
from tests.factories import make_cadre

pytestmark = pytest.mark.django_db


def test_running_again_keeps_added_people_and_the_demo_accounts_passwords():
    call_command("load_demo", stdout=io.StringIO())
    added = make_cadre(name="用户添加的人")
    password_hash = get_user_model().objects.get(username="admin").password
    demo_count = Cadre.objects.count() - 1

    out = io.StringIO()
    call_command("load_demo", stdout=out)

    assert Cadre.objects.filter(pk=added.pk).exists()
    assert Cadre.objects.count() == demo_count + 1
    assert get_user_model().objects.get(username="admin").password == password_hash
    assert LOADED in out.getvalue()
