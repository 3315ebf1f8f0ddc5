"""The extractor's matcher for an imported gazetteer, kept ready in the data folder.

Building the lexicon for a 10,000-place gazetteer (index, Arabic names in the automaton, Latin
spelling skeletons) takes seconds, and ``zonewatch extract`` would pay them on every call. The
built index and lexicon (with the few thousand common words that tell a place name from an
ordinary word, out of wordfreq's slow-to-load lists) are therefore stored as one file, ``<data>/cache/matcher.pickle``, and
read back in a fraction of that time. The file is only a cache:

- its header names what it was built from: the gazetteers of the folder (``state_key``: name,
  import time and checksum of each) and the code and shipped words that build a lexicon (a hash
  of ``extract/`` and of ``assets/lexicon``, ``assets/gazetteer``, ``assets/registry``, with the
  Python, pyahocorasick and wordfreq versions); anything else and it is ignored and rebuilt;
- the payload's checksum is checked before it is read, and only the extractor's own classes may
  be in it (a damaged or foreign file is ignored, never trusted);
- it is written whole or not at all (``geo.atomic.replace_file``), never in read-only mode, and a
  folder that cannot be written just means no cache; ``zonewatch gazetteer import`` and
  ``remove`` delete it (``discard``), as it can only be stale after them.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import pickle
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.places import PlaceIndex

CACHE_FOLDER = "cache"
CACHE_FILE = "matcher.pickle"
#: First bytes of the file; bump the number when the layout of the file changes.
MAGIC = b"zonewatch-matcher 1\n"
#: What the payload may hold: the extractor's lexicon and index classes and their parts.
_ALLOWED = frozenset(
    [
        ("extract.lexicon", "Lexicon"),
        ("extract.lexicon", "Entry"),
        ("extract.agreement_info", "AgreementInfo"),
        ("extract.places", "PlaceIndex"),
        ("extract.places", "PlaceInfo"),
        ("ahocorasick", "Automaton"),
        ("datetime", "date"),
    ]
)
#: Sources whose content builds a lexicon: (folder under the project, glob).
_SOURCES = (
    ("extract", "**/*.py"),
    ("assets/lexicon", "**/*"),
    ("assets/gazetteer", "**/*"),
    ("assets/registry", "**/*"),
)
_PACKAGES = ("pyahocorasick", "wordfreq")


def cache_path(gazetteer_root: Path) -> Path:
    """The cache file of the data folder whose gazetteers live in ``gazetteer_root``."""
    return Path(gazetteer_root).parent / CACHE_FOLDER / CACHE_FILE


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of everything besides the gazetteer that decides what a built lexicon holds."""
    import assets

    project = Path(assets.ROOT).parent
    digest = hashlib.sha256(sys.version.encode())
    for name in _PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=absent".encode())
    for folder, pattern in _SOURCES:
        for path in sorted((project / folder).glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(project)).encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _header(state: tuple, payload: bytes) -> bytes:
    fields = {
        "code": code_fingerprint(),
        "gazetteers": [list(k) for k in state],
        "sha256": hashlib.sha256(payload).hexdigest(),
        "size": len(payload),
    }
    return json.dumps(fields, sort_keys=True).encode() + b"\n"


class _Unpickler(pickle.Unpickler):
    """Reads only the classes a matcher is made of."""

    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"unexpected {module}.{name} in the matcher cache")
        return super().find_class(module, name)


def load(gazetteer_root: Path, state: tuple) -> PlaceIndex | None:
    """The index, with its lexicon, stored for exactly this ``state`` of the gazetteers and this
    code; None when there is no such cache (missing, stale, damaged)."""
    from extract.latin_names import common_words
    from extract.lexicon import Lexicon

    path = cache_path(gazetteer_root)
    try:
        with path.open("rb") as handle:
            if handle.readline() != MAGIC:
                return None
            header = json.loads(handle.readline())
            payload = handle.read()
    except (OSError, ValueError):
        return None
    expected = json.loads(_header(state, payload))
    if header != expected:
        return None  # another gazetteer, other code or words, or a damaged payload
    try:
        lexicon, frequencies = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
        return None
    if not isinstance(lexicon, Lexicon) or lexicon.gazetteer is None:
        return None
    common_words().adopt(frequencies)
    index = lexicon.gazetteer
    index.lexicon = lexicon
    return index


def discard(gazetteer_root: Path) -> None:
    """Remove the cache (the gazetteers changed: it can only be stale now, and it is large);
    a cache that cannot be removed is left to be ignored."""
    with contextlib.suppress(OSError):
        cache_path(gazetteer_root).unlink(missing_ok=True)


def save(gazetteer_root: Path, state: tuple, index: PlaceIndex) -> bool:
    """Store the index and the lexicon built for it (``extract.lexicon.load_lexicon``); False
    when it could not be written (read-only mode or folder, full disk: there is then no cache)."""
    from extract.latin_names import common_words
    from extract.lexicon import load_lexicon
    from geo.atomic import replace_file
    from zonewatch.core.settings import read_only

    if read_only():
        return False
    lexicon = load_lexicon(index)
    held, index.lexicon = index.lexicon, None  # the lexicon holds the index, not the reverse
    try:
        kept = (lexicon, common_words().frequent_tables())
        payload = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        index.lexicon = held
    data = MAGIC + _header(state, payload) + payload
    try:
        replace_file(cache_path(gazetteer_root), lambda tmp: tmp.write_bytes(data))
    except OSError:
        return False
    return True
