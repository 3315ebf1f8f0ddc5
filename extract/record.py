"""The base of the extractor's records: dataclasses that pickle and copy through their
constructor."""

from __future__ import annotations

from typing import Any


class Record:
    """Pickles (and copies) a dataclass through its constructor. Pickle restores an object
    field by field by default, which the compiled extractor's classes refuse: a frozen one
    forbids setting a field, and one with its own ``__init__`` (written out so that mypyc
    compiles it; a generated one runs as interpreted Python, ~8 times slower) must be called
    with its fields. The matcher cache (``zonewatch.core.matcher_cache``) pickles the lexicon,
    and Dask workers send results back pickled."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        names = getattr(type(self), "__dataclass_fields__")  # noqa: B009 - set by @dataclass
        return type(self), tuple(getattr(self, name) for name in names)
