"""The models of the cadre domain, one module per subject."""

from ..pool.models import PoolMembership, PoolStatus, PoolStatusChange, Recommender
from .career import (
    Appraisal,
    AppraisalResult,
    EducationRecord,
    FamilyMember,
    ResumeNote,
    RewardKind,
    RewardPunishment,
    Secondment,
    SecondmentKind,
    StudyMode,
    Training,
    WorkRecord,
)
from .experience import CadreExperience
from .imports import ImportBatch, ImportedCadre, PendingUpload
from .photo import CadrePhoto
from .records import Cadre, Channel, ChannelGroup, StaleEditError, Unit, UnitAlias
from .saved import SavedFilter

__all__ = [
    "Appraisal",
    "AppraisalResult",
    "Cadre",
    "CadreExperience",
    "CadrePhoto",
    "Channel",
    "ChannelGroup",
    "EducationRecord",
    "FamilyMember",
    "ImportBatch",
    "ImportedCadre",
    "PendingUpload",
    "PoolMembership",
    "PoolStatus",
    "PoolStatusChange",
    "Recommender",
    "ResumeNote",
    "RewardKind",
    "RewardPunishment",
    "SavedFilter",
    "Secondment",
    "SecondmentKind",
    "StaleEditError",
    "StudyMode",
    "Training",
    "Unit",
    "UnitAlias",
    "WorkRecord",
]
