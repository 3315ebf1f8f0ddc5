"""The one way Zonewatch writes a file: whole or not at all.

A reader (the dashboard, a spreadsheet, another ingest) must never see half a file, and a crash or
a full disk must leave the previous file in place: every write goes to a temporary file in the
same folder, is flushed to disk, and is renamed over the target. The temporary file is removed
when anything fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from geo.atomic import replace_file
from zonewatch.core.errors import os_failure


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` to fill a temporary file beside ``path``, then make it ``path``.

    The file gets ordinary permissions (0666 less the umask; ``mkstemp`` would leave 0600). A
    read-only folder, a full disk or a file size limit raises ``OutputError`` (one line for the
    user), with no temporary file left behind."""
    path = Path(path)
    try:
        return replace_file(path, write)
    except OSError as exc:
        raise os_failure(exc, f"cannot write {path}") from exc


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"))
