"""The models of the department's staffing, one module per subject."""

from .arrangements import Pairing, PairingReview
from .leaves import HeadCover, Leave
from .placements import SecondmentPlacement
from .sections import Section, SectionMember, UpperOffice

__all__ = [
    "HeadCover",
    "Leave",
    "Pairing",
    "PairingReview",
    "SecondmentPlacement",
    "Section",
    "SectionMember",
    "UpperOffice",
]
