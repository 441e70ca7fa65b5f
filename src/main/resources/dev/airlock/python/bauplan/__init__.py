"""Airlock's local stand-in for the Bauplan Python SDK (standard library only).

``import bauplan; client = bauplan.Client()`` works as with the real SDK; calls go to Airlock's
embedded lakehouse through the gateway socket named by ``AIRLOCK_GATEWAY``. The same code runs
unchanged against Bauplan's cloud with the real SDK installed.
"""

__version__ = "0.2.0+airlock"

from bauplan import exceptions, schema, state  # noqa: E402
from bauplan._client import (  # noqa: E402
    Client,
    InfoState,
    OrganizationInfo,
    RunnerNodeInfo,
    UserInfo,
)
from bauplan.schema import JobKind, JobState, RefType  # noqa: E402

__all__ = [
    "__version__",
    "exceptions",
    "schema",
    "state",
    "Client",
    "InfoState",
    "JobKind",
    "JobState",
    "OrganizationInfo",
    "RefType",
    "RunnerNodeInfo",
    "UserInfo",
]
