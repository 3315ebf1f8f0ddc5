"""The language data files (``assets/lexicon/<lang>.json``), checked against one key schema.

Every language file holds exactly the keys of ``assets/lexicon/schema.json`` (an empty list where
a key does not apply to the language), each in the shape the schema gives it. A missing key, an
unknown key (a typo) or a value of the wrong shape stops loading with the file and key named:
a silently empty word list would only show up, much later, as articles read worse.

``LanguageData`` merges the languages key by key and remembers which keys were read, so that a
test can prove that every key of the schema is used by the extractor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import assets
from extract.normalise import normalise_word

#: Keys of a language file that are about the file, not word lists.
META_KEYS = frozenset(("about", "licence"))
SHAPES = frozenset(("words", "numbered", "offsets", "groups", "labels", "ids", "raw"))


class LexiconError(ValueError):
    """A language file does not follow the schema (names the file and the key)."""


@dataclass(frozen=True)
class KeySpec:
    """One key of the schema: its shape and, for words the recogniser finds, how it reads them."""

    name: str
    shape: str
    #: (layer, kind, ident) for keys the recogniser scans for; ident None: the group id or label
    scan: tuple[str, str, str | None] | None = None


def read_schema() -> dict[str, KeySpec]:
    """The key schema, in file order (the order the recogniser adds readings)."""
    raw = assets.read_json("lexicon", "schema.json")["keys"]
    specs = {}
    for name, spec in raw.items():
        if spec["shape"] not in SHAPES:
            raise LexiconError(f"schema.json: key {name!r} has unknown shape {spec['shape']!r}")
        scan = tuple(spec["scan"]) if spec.get("scan") else None
        specs[name] = KeySpec(name, spec["shape"], scan)
    return specs


def _check_shape(code: str, spec: KeySpec, value: Any) -> None:
    def fail(what: str) -> LexiconError:
        return LexiconError(f"{code}.json: key {spec.name!r} must be {what}")

    if spec.shape in ("words", "ids", "raw"):
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise fail("a list of strings")
    elif spec.shape in ("numbered", "groups"):
        if not isinstance(value, dict) or not all(
            isinstance(ws, list) and all(isinstance(w, str) for w in ws) for ws in value.values()
        ):
            raise fail("an object of lists of strings")
        if spec.shape == "numbered" and not all(k.isdigit() for k in value):
            raise fail("an object keyed by numbers")
    elif spec.shape == "offsets":
        if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
            raise fail("an object of integers")
    elif spec.shape == "labels" and (
        not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values())
    ):
        raise fail("an object of strings")


def read_language(code: str, schema: dict[str, KeySpec]) -> dict[str, Any]:
    """One language file, checked: exactly the schema's keys, each in its shape."""
    data = assets.read_json("lexicon", f"{code}.json")
    keys = set(data) - META_KEYS
    unknown = sorted(keys - set(schema))
    if unknown:
        raise LexiconError(f"{code}.json: unknown key(s) {unknown} (not in schema.json)")
    missing = [k for k in schema if k not in keys]
    if missing:
        raise LexiconError(f"{code}.json: missing key(s) {missing} (use [] or {{}} if none)")
    for name, spec in schema.items():
        _check_shape(code, spec, data[name])
    return data


@dataclass
class LanguageData:
    """All languages' files, merged key by key; records which keys were read."""

    schema: dict[str, KeySpec]
    langs: list[dict[str, Any]]
    read: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, codes: tuple[str, ...]) -> LanguageData:
        schema = read_schema()
        return cls(schema, [read_language(code, schema) for code in codes])

    def _take(self, key: str, shape: tuple[str, ...]) -> list:
        spec = self.schema.get(key)
        if spec is None:
            raise LexiconError(f"the extractor asks for key {key!r}, which schema.json lacks")
        if spec.shape not in shape:
            raise LexiconError(f"key {key!r} is {spec.shape}, read as {'/'.join(shape)}")
        self.read.add(key)
        return [lang[key] for lang in self.langs]

    def raw(self, key: str) -> list[str]:
        """Every language's list, merged, as written."""
        return [w for part in self._take(key, ("words", "ids", "raw")) for w in part]

    def words(self, key: str) -> list[str]:
        """Every language's list, merged, in matching form."""
        return [normalise_word(w) for w in self.raw(key)]

    def by_length(self, key: str) -> list[str]:
        """The distinct words in matching form, longest first (for regex alternatives)."""
        return sorted(set(self.words(key)), key=len, reverse=True)

    def groups(self, key: str) -> Iterator[tuple[str, list[str]]]:
        """(id, words as written) of every language, language by language."""
        for part in self._take(key, ("groups",)):
            yield from part.items()

    def numbered(self, key: str) -> dict[str, int]:
        """Word (matching form) -> number."""
        out: dict[str, int] = {}
        for part in self._take(key, ("numbered",)):
            for number, words in part.items():
                for w in words:
                    out[normalise_word(w)] = int(number)
        return out

    def offsets(self, key: str) -> dict[str, int]:
        """Word (matching form) -> offset."""
        return {
            normalise_word(w): v for part in self._take(key, ("offsets",)) for w, v in part.items()
        }

    def labels(self, key: str) -> Iterator[tuple[str, str]]:
        """(word as written, label) of every language."""
        for part in self._take(key, ("labels",)):
            yield from part.items()

    def surfaces(self, code_index: int, spec: KeySpec) -> Iterator[tuple[str, str]]:
        """(word as written, group id or label or "") of one language for a scanned key."""
        self.read.add(spec.name)
        value = self.langs[code_index][spec.name]
        if spec.shape in ("groups", "numbered"):
            for ident, words in value.items():
                yield from ((w, ident) for w in words)
        elif spec.shape in ("labels", "offsets"):
            yield from ((w, v if spec.shape == "labels" else "") for w, v in value.items())
        else:
            yield from ((w, "") for w in value)

    def unread(self) -> list[str]:
        """Keys of the schema that nothing has read (a test keeps this empty)."""
        return [k for k in self.schema if k not in self.read]
