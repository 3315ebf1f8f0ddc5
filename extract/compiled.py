"""Whether the extractor runs compiled (mypyc, see ``setup.py``) or from its sources.

An install compiles ``extract/`` next to its sources. Python prefers a compiled module to its
source, so a checkout edited after the install would silently run the old code; and the compiled
modules call each other directly, so they are used all together or not at all. Hence: where any
source is newer than its compiled module, or ``ZONEWATCH_PURE=1`` is set, every ``extract``
module is read from its source, with a warning in the first case. This module is never compiled.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def _pairs() -> list[tuple[Path, Path]]:
    """(compiled module, its source) for every compiled module of the package."""
    out = []
    for so in HERE.rglob("*.so"):
        for suffix in _SUFFIXES:
            if so.name.endswith(suffix):
                out.append((so, so.with_name(so.name[: -len(suffix)] + ".py")))
                break
    return out


class _Sources(importlib.abc.MetaPathFinder):
    """Finds ``extract.*`` modules as source files only."""

    def find_spec(self, name, path=None, target=None):
        if not name.startswith("extract."):
            return None
        base = HERE.joinpath(*name.split(".")[1:])
        if (base / "__init__.py").exists():
            return importlib.util.spec_from_file_location(
                name, base / "__init__.py", submodule_search_locations=[str(base)]
            )
        if base.with_suffix(".py").exists():
            return importlib.util.spec_from_file_location(name, base.with_suffix(".py"))
        return None


def _decide() -> bool:
    pairs = _pairs()
    if not pairs:
        return False
    pure = os.environ.get("ZONEWATCH_PURE") == "1"
    stale = [py.name for so, py in pairs if py.exists() and py.stat().st_mtime > so.stat().st_mtime]
    if stale and not pure:
        warnings.warn(
            f"extract: {len(stale)} source file(s) changed since they were compiled "
            f"({', '.join(sorted(stale)[:3])}...); reading every extract module from its source. "
            "Run `pip install -e .` again to compile them.",
            RuntimeWarning,
            stacklevel=3,
        )
    if stale or pure:
        sys.meta_path.insert(0, _Sources())
        return False
    return True


#: True when the compiled extractor is in use.
COMPILED: bool = _decide()
