"""Two clerks entering one cadre into the pool at once: the second gets ENTERED_MEANWHILE, never a
500, and nothing of the refused entry is written (cadres/pool/services.py pool_entry_create)."""

import datetime
import threading

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection

from accounts.roles import CADRE_SECTION
from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.models import PoolMembership, PoolStatusChange
from cadres.pool.services import ENTERED_MEANWHILE, pool_entry_create
from tests.factories import enter_pool, make_cadre, make_user

D = datetime.date


POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.fixture
def another_clerk_enters_after_the_checks(monkeypatch):
    """Make an open membership of the same cadre appear once the entry's checks have passed.

    It is inserted on the test's own connection, inside the refused entry's transaction, so it
    is undone with it; the real race of two connections is the PostgreSQL test below.
    """
    original = PoolMembership.full_clean

    def checked_then_overtaken(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PoolMembership.objects.create(cadre=self.cadre, entered_on=self.entered_on, recommended_by="党委")

    monkeypatch.setattr(PoolMembership, "full_clean", checked_then_overtaken)


@pytest.mark.django_db
def test_entry_overtaken_after_its_checks_is_refused_in_chinese(another_clerk_enters_after_the_checks):
    cadre = make_cadre()
    with pytest.raises(ValidationError) as caught:
        enter_pool(cadre, on=D(2021, 7, 1))
    assert caught.value.messages == [ENTERED_MEANWHILE]
    assert not PoolStatusChange.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_other_integrity_errors_are_not_taken_for_the_race(monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise IntegrityError("something else")

    monkeypatch.setattr(PoolMembership, "save", broken_save)
    with pytest.raises(IntegrityError):
        enter_pool(make_cadre(), on=D(2021, 7, 1))


@pytest.mark.django_db
def test_entry_page_overtaken_shows_the_message_and_writes_nothing(client, another_clerk_enters_after_the_checks):
    client.force_login(make_user(CADRE_SECTION))
    cadre = make_cadre()
    data = {"entered_on": "2021-07-01", "recommended_by": "所在单位", "reason": "群众公认"}
    response = client.post(f"/pool/enter/{cadre.pk}/", data)
    assert response.status_code == 400
    assert ENTERED_MEANWHILE in response.content.decode()
    assert not PoolMembership.objects.exists()
    assert not AuditEvent.objects.filter(action=CadreAction.POOL_ENTERED).exists()


@pytest.mark.skipif(not POSTGRESQL, reason="SQLite's BEGIN IMMEDIATE runs the two entries one after the other")
def test_two_clerks_entering_one_cadre_at_once_on_postgresql(reference_data, monkeypatch):
    cadre = make_cadre()
    clerks = [make_user(CADRE_SECTION), make_user(CADRE_SECTION)]
    both_checked = threading.Barrier(2, timeout=10)
    original = PoolMembership.full_clean

    def checked_then_wait(self, *args, **kwargs):
        original(self, *args, **kwargs)
        both_checked.wait()  # both have found no open membership; now both insert

    monkeypatch.setattr(PoolMembership, "full_clean", checked_then_wait)
    outcomes = []

    def enter_as(user):
        try:
            pool_entry_create(cadre=cadre, entered_on=D(2021, 7, 1), recommended_by="党委", reason="推荐", user=user)
            outcomes.append("entered")
        except ValidationError as error:
            outcomes.extend(error.messages)
        except Exception as error:  # reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=enter_as, args=(user,)) for user in clerks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == sorted(["entered", ENTERED_MEANWHILE])
    assert PoolMembership.objects.filter(cadre=cadre).count() == 1
    assert PoolStatusChange.objects.count() == 1
    assert AuditEvent.objects.count() == 1
