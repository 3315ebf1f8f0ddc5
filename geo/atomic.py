"""Writing whole or not at all, for files and for folders of files.

The one implementation below every writer of the project: geo's stored layers and gazetteers and
its build outputs use it here, and ``zonewatch.core.files`` wraps it to turn the machine's
refusals (read-only folder, full disk, size limit) into one-line errors. It lives in geo, the
lowest package that writes files, because geo may not import the core.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (best effort: some file systems refuse to sync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_file(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` to fill a temporary file beside ``path``, flush it to disk, give it
    ordinary permissions (0666 less the umask; ``mkstemp`` would leave 0600) and rename it over
    ``path``. On any failure the temporary file is removed and ``path`` is left as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.name}.")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return path


def write_text_file(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 with LF line ends, whole or not at all."""
    return replace_file(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))


def hidden_sibling(root: Path, kind: str, name: str) -> Path:
    """A unique hidden folder beside the stored ones (listings skip names starting with '.')."""
    return root / f".{kind}-{name}-{uuid.uuid4().hex[:12]}"


def replace_folder(root: Path, name: str, fill: Callable[[Path], None]) -> Path:
    """Call ``fill(tmp)`` to write a new folder, then swap it in as ``root/name``; the previous
    folder of that name, if any, is removed only once the new one is in place. On failure
    nothing changes."""
    root.mkdir(parents=True, exist_ok=True)
    target = root / name
    tmp = hidden_sibling(root, "import", name)
    tmp.mkdir()
    try:
        fill(tmp)
        old = None
        if target.exists():
            old = hidden_sibling(root, "old", name)
            target.rename(old)
        tmp.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def remove_folder(root: Path, name: str, marker: str) -> bool:
    """Remove the stored folder ``root/name`` (one that holds ``marker``); False if there is
    none. It is renamed away first, so a listing never sees it half deleted."""
    target = root / name
    if name.startswith(".") or "/" in name or not (target / marker).is_file():
        return False
    trash = hidden_sibling(root, "old", name)
    target.rename(trash)
    shutil.rmtree(trash, ignore_errors=True)
    return True


def stored_folders(root: Path | None, data_file: str, meta_file: str) -> list[tuple[Path, dict]]:
    """The complete stored folders under ``root`` with their metadata, by name: hidden folders
    (half written, or being removed) and folders without their data or readable metadata are
    left out."""
    if root is None or not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or not (folder / data_file).is_file():
            continue
        try:
            meta = json.loads((folder / meta_file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found.append((folder, meta))
    return found
