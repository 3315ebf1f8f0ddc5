"""The base of the frozen records the matcher cache pickles with the lexicon."""

from __future__ import annotations

from typing import Any


class FrozenRecord:
    """Pickles a frozen dataclass through its constructor. Pickle restores an object field by
    field by default, which a frozen class of the compiled extractor refuses; the matcher cache
    (``zonewatch.core.matcher_cache``) pickles the lexicon, which is made of these."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        names = getattr(type(self), "__dataclass_fields__")  # noqa: B009 - set by @dataclass
        return type(self), tuple(getattr(self, name) for name in names)
