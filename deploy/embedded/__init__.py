"""Local stack of protocol-compatible servers (Kafka, MongoDB, S3, SMTP) and a launcher for the services."""

from embedded.launcher import System, SystemInfo
from embedded.stack import Endpoints, Stack
from embedded.tools import ensure_tools

__all__ = ["Endpoints", "Stack", "System", "SystemInfo", "ensure_tools"]
