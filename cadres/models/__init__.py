"""The models of the cadre domain, one module per subject."""

from .audit import AuditAction, AuditEvent
from .records import Cadre, Channel, ChannelGroup, StaleEditError, Unit

__all__ = ["AuditAction", "AuditEvent", "Cadre", "Channel", "ChannelGroup", "StaleEditError", "Unit"]
