"""The extractor's records whose ``__init__`` is written out (so that mypyc compiles it) must
take exactly their dataclass fields, with the same defaults, and pickle, copy and replace like
any dataclass: a field added to the class but not to ``__init__`` would be silently unset."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from datetime import date

import pytest

from extract.dates import DateMention
from extract.head import Head
from extract.item import Item
from extract.link_context import RawLink
from extract.model import Link
from extract.recognise import Match

WRITTEN_OUT = [Item, RawLink, Link, DateMention, Head]


_MENTION = DateMention(3, 9, date(2017, 5, 4), "day")
_ITEM = Item("zone", "idlib", 0, 5, 0, "idlib")
#: A value for every field, none equal to its default (the compiled ``__init__`` checks types).
SAMPLES: dict[type, dict] = {
    Item: dict(kind="agreement", id="sochi_2018", start=1, end=2, sentence=3, zone="z", note="n"),
    RawLink: dict(
        agreement="sochi_2018", zone="idlib", relation="covers", date=_MENTION, sentence=1
    ),
    Link: dict(
        agreement="sochi_2018",
        zone="idlib",
        relation="covers",
        date="2018-09-17",
        sentence=1,
        evidence="text",
        start=2,
        end=3,
        agreement_text="the memorandum",
    ),
    DateMention: dict(start=1, end=2, value=date(2018, 9, 17), precision="month"),
    Head: dict(
        match=Match(0, 4, (), "head"),
        sentence=1,
        end=4,
        parties=frozenset({"russia"}),
        zone=_ITEM,
        near_dates=[_MENTION],
        identity=_MENTION,
        onset=True,
        sponsors=frozenset({"egypt"}),
        outside=True,
        anaphor=True,
        venue=("cairo",),
        national=True,
        topic=True,
    ),
}


def _values(cls: type) -> dict:
    values = SAMPLES[cls]
    assert list(values) == [f.name for f in dataclasses.fields(cls)], "a field has no sample"
    return values


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_init_sets_every_field_by_name_and_by_position(cls):
    values = _values(cls)
    by_name = cls(**values)
    by_position = cls(*values.values())
    for name, value in values.items():
        assert getattr(by_name, name) == value
        assert getattr(by_position, name) == value


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda c: c.__name__)
def test_defaults_are_the_fields_defaults(cls):
    fields = dataclasses.fields(cls)
    values = _values(cls)
    required = {f.name: values[f.name] for f in fields if f.default is dataclasses.MISSING}
    made = cls(**required)
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert getattr(made, f.name) == f.default, f.name
    with pytest.raises(TypeError):
        cls(**dict(required, not_a_field=1))


def test_records_pickle_copy_and_replace():
    mention, item = _MENTION, _ITEM
    head = Head(
        Match(0, 4, (), "head"),
        0,
        4,
        frozenset(),
        item,
        [mention],
        None,
        False,
        frozenset({"egypt"}),
        False,
        False,
        None,
        False,
    )
    records = [
        item,
        RawLink("sochi_2018", "idlib", "covers", mention, 2),
        Link("sochi_2018", "idlib", "covers", "2018-09-17", 2, "text", 0, 4),
        mention,
        head,
    ]
    for record in records:
        assert pickle.loads(pickle.dumps(record)) == record
        assert copy.copy(record) == record
    assert dataclasses.replace(item, kind="subject") == Item("subject", "idlib", 0, 5, 0, "idlib")
    assert dataclasses.replace(head, anaphor=True).anaphor is True
    assert mention.iso == "2017-05-04"
