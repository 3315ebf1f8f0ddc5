"""The language files share one key schema; every key is known, present, well shaped and used."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import assets
from extract import lexicon, words
from extract.lexicon import LANGUAGE_FILES, LISTED, load_lexicon
from extract.words import LanguageData, LexiconError, read_language, read_schema

EXTRACT = Path(lexicon.__file__).parent


def test_every_language_file_has_exactly_the_schema_keys():
    schema = read_schema()
    for code in LANGUAGE_FILES:
        data = json.loads(assets.path("lexicon", f"{code}.json").read_text("utf-8"))
        assert set(data) - words.META_KEYS == set(schema), code


def test_loading_reads_every_key_of_the_schema():
    assert load_lexicon().unread_keys == ()
    data = LanguageData.load(LANGUAGE_FILES)
    assert set(data.unread()) == set(read_schema())  # nothing is read before it is asked for


def test_every_listed_word_list_is_read_by_the_code():
    """A key put into ``Lexicon.words`` must be looked up by some module of the extractor
    (``lex.words[key]``, ``lex.word_sets[key]``, or ``w[key]`` with ``w = lex.words``)."""
    source = "\n".join(
        p.read_text("utf-8") for p in EXTRACT.rglob("*.py") if p.name != "lexicon.py"
    )
    for key in LISTED:
        assert re.search(rf"\b(?:words|word_sets|w)\[[\"']{key}[\"']\]", source), (
            f"{key} is listed but never read"
        )


def _broken(monkeypatch, tmp_path, code: str, change) -> None:
    """Point the asset locator at a copy of the lexicon folder with one file changed."""
    for child in assets.ROOT.iterdir():
        if child.name != "lexicon":
            (tmp_path / child.name).symlink_to(child)
    folder = tmp_path / "lexicon"
    folder.mkdir()
    for p in assets.path("lexicon").glob("*.json"):
        (folder / p.name).write_text(p.read_text("utf-8"), "utf-8")
    data = json.loads((folder / f"{code}.json").read_text("utf-8"))
    change(data)
    (folder / f"{code}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(assets, "ROOT", tmp_path)


def test_a_missing_key_fails_loudly(monkeypatch, tmp_path):
    _broken(monkeypatch, tmp_path, "en", lambda d: d.pop("clause_breaks"))
    with pytest.raises(LexiconError, match=r"en\.json: missing key.*clause_breaks"):
        read_language("en", read_schema())


def test_a_misspelt_key_fails_loudly(monkeypatch, tmp_path):
    def typo(d):
        d["clause_braeks"] = d.pop("clause_breaks")

    _broken(monkeypatch, tmp_path, "ar", typo)
    with pytest.raises(LexiconError, match=r"ar\.json: unknown key.*clause_braeks"):
        read_language("ar", read_schema())


def test_a_value_of_the_wrong_shape_fails_loudly(monkeypatch, tmp_path):
    _broken(monkeypatch, tmp_path, "en", lambda d: d.update(months=["january"]))
    with pytest.raises(LexiconError, match=r"en\.json: key 'months' must be"):
        read_language("en", read_schema())


def test_asking_for_a_key_the_schema_lacks_fails():
    data = LanguageData.load(LANGUAGE_FILES)
    with pytest.raises(LexiconError, match="schema.json lacks"):
        data.words("gap_wrods")


def test_a_word_added_to_the_data_is_recognised(monkeypatch, tmp_path):
    """The recogniser's words come from the data, not from code: a new clause break word in the
    English file splits an agreement from the zone after it."""
    from extract.article import _extract

    text = "The Astana memorandum was signed on Thursday, notwithstanding talks on Idlib."
    before = _extract(text, None, "en", load_lexicon())
    assert [(c.agreement, c.zone) for c in before.coverage] == [("astana_memorandum_2017", "idlib")]
    _broken(
        monkeypatch,
        tmp_path,
        "en",
        lambda d: d.update(clause_breaks=[*d["clause_breaks"], "notwithstanding"]),
    )
    load_lexicon.cache_clear()
    try:
        after = _extract(text, None, "en", load_lexicon())
    finally:
        monkeypatch.undo()
        load_lexicon.cache_clear()
    assert after.coverage == []


def test_every_boundary_word_opens_with_a_boundary_cue():
    """The boundary reading runs only in an article where the scan found a boundary cue
    (``boundary_cues``), so every boundary word must start with one."""
    for code in LANGUAGE_FILES:
        data = json.loads(assets.path("lexicon", f"{code}.json").read_text("utf-8"))
        for phrase in data["boundary_words"]:
            assert phrase.split()[0] in data["boundary_cues"], (code, phrase)
