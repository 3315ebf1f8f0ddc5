"""The one error family of Zonewatch.

A ``ZonewatchError`` is a problem the user can act on (their input, their folder, the machine's
state): the command line prints it as one line and exits with status 2, the dashboard shows it as
a message. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class ZonewatchError(Exception):
    """A problem with the user's input or the machine's state, told in one line."""


class UserError(ZonewatchError):
    """A mistake in what the user asked for (a bad option, a missing file, an unknown id)."""
