"""The models of the cadre domain, one module per subject."""

from ..pool.models import PoolMembership, PoolStatus, PoolStatusChange, Recommender
from .career import (
    Appraisal,
    AppraisalResult,
    EducationRecord,
    FamilyMember,
    RewardKind,
    RewardPunishment,
    Secondment,
    SecondmentKind,
    StudyMode,
    Training,
    WorkRecord,
)
from .experience import CadreExperience
from .imports import ImportBatch
from .photo import CadrePhoto
from .records import Cadre, Channel, ChannelGroup, StaleEditError, Unit
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
    "PoolMembership",
    "PoolStatus",
    "PoolStatusChange",
    "Recommender",
    "RewardKind",
    "RewardPunishment",
    "SavedFilter",
    "Secondment",
    "SecondmentKind",
    "StaleEditError",
    "StudyMode",
    "Training",
    "Unit",
    "WorkRecord",
]
