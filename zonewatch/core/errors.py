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


class OutputError(ZonewatchError):
    """A file or folder cannot be written: read-only, full disk, file size limit, permissions."""


#: What the machine says, in words a user can act on, by errno name.
_OS_REASONS = {
    "ENOSPC": "the disk is full",
    "EDQUOT": "the disk quota is used up",
    "EFBIG": "the file size limit was reached (see ulimit -f)",
    "EROFS": "the file system is read-only",
    "EACCES": "permission denied",
    "EPERM": "the operation is not permitted (read-only or immutable folder?)",
    "EISDIR": "it is a folder",
    "ENOTDIR": "a part of the path is not a folder",
    "ENOENT": "it does not exist",
    "EMFILE": "too many open files",
    "EIO": "an input/output error from the disk",
}


def os_reason(exc: OSError) -> str:
    """One phrase for an ``OSError`` (pyarrow's I/O errors too, which may carry no errno)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    text = (exc.strerror or str(exc) or type(exc).__name__).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def os_failure(exc: OSError, doing: str) -> ZonewatchError:
    """The one-line error for an ``OSError`` met while ``doing`` (e.g. "cannot write out.png")."""
    return OutputError(f"{doing}: {os_reason(exc)}")
