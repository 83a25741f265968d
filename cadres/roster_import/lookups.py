"""What a roster import reads from the database before its first row: once, into dicts."""

import datetime
from typing import NamedTuple

from accounts.access import sees_all_units

from ..importing import synonyms
from ..models import Cadre, Channel, EducationRecord, Unit
from .outcome import ATTNAMES


class KnownStudy(NamedTuple):
    """An education record of a cadre already in the database, as plan_studies compares it."""

    pk: int
    mode: str
    school: str
    major: str
    start_date: datetime.date | None
    education: str
    education_written: str
    degree: str
    degree_written: str


class Lookups:
    """Units (by name and alias), channels and cadres loaded once, so each row costs no query."""

    def __init__(self, user, *, studies=False):
        self.units = Unit.objects.all().by_name()
        self.channels = {}
        channels = list(Channel.objects.all())
        for channel in channels:
            self.channels[channel.name] = channel
            self.channels[channel.code] = channel
        for alias, code in synonyms.CHANNEL.items():
            if code in self.channels:
                self.channels.setdefault(alias, self.channels[code])
        self.channel_names = "、".join(channel.name for channel in channels)
        self.units_by_id = {unit.pk: unit for unit in self.units.values()}
        self.channels_by_id = {channel.pk: channel for channel in self.channels.values()}
        # Existing cadres as value rows (see CONCRETE), not instances: a fifth of the memory.
        self.people = Cadre.objects.identities(*ATTNAMES)
        # The 全日制 / 在职 education records, when the roster has their columns: cadre id → [record values].
        self.studies = {}
        if studies:
            records = EducationRecord.objects.all()
            fields = ("pk", *KnownStudy._fields[1:])
            for cadre_id, *values in records.order_by("pk").values_list("cadre_id", *fields):
                self.studies.setdefault(cadre_id, []).append(KnownStudy(*values))
        if user is None or sees_all_units(user):
            self.visible_unit_ids = None
        else:
            self.visible_unit_ids = set(Unit.objects.visible_ids(user))
        self.may_create_units = user is None or user.has_perm("cadres.add_unit")

    def visible(self, unit_id):
        return self.visible_unit_ids is None or unit_id in self.visible_unit_ids
