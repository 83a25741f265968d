"""What a roster import reads from the database before its first row: once, into dicts."""

import datetime
from typing import NamedTuple

from accounts.access import sees_all_units

from ..models import Cadre, Channel, EducationRecord, Unit
from . import synonyms
from .outcome import ATTNAMES, INDEX, STUDY_MODES, UNIT


class KnownStudy(NamedTuple):
    """An education record of a cadre already in the database, as plan_studies compares it."""

    pk: int
    mode: str
    school: str
    major: str
    start_date: datetime.date | None


class Lookups:
    """Units, channels and cadres loaded once, so each row costs no query."""

    def __init__(self, user, *, studies=False):
        self.units = {unit.name: unit for unit in Unit.objects.all()}
        self.channels = {}
        for channel in Channel.objects.all():
            self.channels[channel.name] = channel
            self.channels[channel.code] = channel
        for alias, code in synonyms.CHANNEL.items():
            if code in self.channels:
                self.channels.setdefault(alias, self.channels[code])
        self.channel_names = "、".join(channel.name for channel in Channel.objects.all())
        self.units_by_id = {unit.pk: unit for unit in self.units.values()}
        self.channels_by_id = {channel.pk: channel for channel in self.channels.values()}
        # Existing cadres as value rows (see CONCRETE), not instances: a fifth of the memory.
        self.by_id_number, self.by_person = {}, {}
        id_number, name, birth = INDEX["id_number"], INDEX["name"], INDEX["birth_date"]
        for values in Cadre.objects.order_by().values_list(*ATTNAMES).iterator(chunk_size=5000):
            if values[id_number]:
                self.by_id_number[values[id_number]] = values
            else:
                self.by_person[(values[name], values[birth], values[UNIT])] = values
        # The 全日制 / 在职 education records, when the roster has their columns: cadre id → [record values].
        self.studies = {}
        if studies:
            records = EducationRecord.objects.filter(mode__in=STUDY_MODES.values()).order_by("pk")
            for cadre_id, *fields in records.values_list("cadre_id", "pk", "mode", "school", "major", "start_date"):
                self.studies.setdefault(cadre_id, []).append(KnownStudy(*fields))
        if user is None or sees_all_units(user):
            self.visible_unit_ids = None
        else:
            self.visible_unit_ids = set(Unit.objects.visible_ids(user))
        self.may_create_units = user is None or user.has_perm("cadres.add_unit")

    def visible(self, unit_id):
        return self.visible_unit_ids is None or unit_id in self.visible_unit_ids
