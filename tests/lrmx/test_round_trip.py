"""Export, import into an empty database, export again: the same file apart from the fill-in date.

The cadre has every record kind the form carries and a photo."""

import datetime

import pytest

from cadres.lrmx.importer import lrmx_import_apply, lrmx_import_plan
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre, CadrePhoto
from tests.factories import make_full_cadre, make_photo

from .helpers import AS_OF

pytestmark = pytest.mark.django_db


def export(cadre, filled_on):
    return cadre_lrmx(lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=AS_OF, filled_on=filled_on, user=None)


def test_round_trip_gives_the_same_file_apart_from_fill_in_date():
    cadre = make_full_cadre()
    make_photo(cadre, size=(450, 600))
    first = export(cadre, datetime.date(2021, 8, 2))
    Cadre.objects.all().delete()
    assert not CadrePhoto.objects.exists()
    plan = lrmx_import_plan(filename="1.张三.lrmx", content=first, user=None)
    assert plan.problems == []
    lrmx_import_apply(plan=plan, user=None)
    again = export(Cadre.objects.get(), datetime.date(2021, 9, 30))
    assert again.replace(b"<TianBiaoShiJian>202109<", b"<TianBiaoShiJian>202108<") == first
    assert again != first
    assert b"<ZhaoPian></ZhaoPian>" not in again
