"""The control words' helpers (glue, locators, blockers ...) are scanned only in the sentences
that hold a control word, by a second automaton: what it finds there must be exactly what one
scan of the whole text finds there, at sentence edges, across line breaks and with proclitics.

Every sentence here is written for these tests."""

from __future__ import annotations

from extract.keys import CONTROL_TRIGGERS, sentence_scoped
from extract.lexicon import load_lexicon
from extract.normalise import normalise
from extract.recognise import scan, scan_text, scoped_cues
from extract.segment import sentence_spans

TEXTS = [
    "Government forces took control of the town of Saraqib on Tuesday. Rebels said the army "
    "had not entered the city.\nThe town of Kafr Nabl fell to the army and its allies",
    "Fighters left Rastan for the north on buses. Calm held in Talbiseh.\n\n"
    "The army entered Douma, then Harasta, activists said",
    "دخلت قوات النظام مدينة خان شيخون صباح الثلاثاء. وقال ناشطون إن الفصائل انسحبت من البلدة"
    "\nوسيطرت القوات الحكومية على بلدة كفرنبل وبلدة حيش بعد اشتباكات",
    "رفعت قوات النظام، الخميس، العلم في ساحة درعا البلد. ولم تدخل القوات بلدة طفس",
]


def _whole_text_scoped(text: str, lex) -> dict:
    """The scoped cue words of ``text`` read as one sentence (no windows)."""
    one = [(0, len(text))]
    trigger = {"control": scan(scan_text(text), lex)[1].get("control", [])}
    return scoped_cues(scan_text(text), one, lambda _p: 0, trigger, lex)


def test_scoped_words_are_those_of_a_whole_scan_in_the_control_sentences():
    lex = load_lexicon()
    checked = 0
    for raw in TEXTS:
        text = normalise(raw).text
        spans = sentence_spans(text, lex.abbreviations)
        owner = [next(i for i, (s, _e) in enumerate(spans) if p < _e or i == len(spans) - 1)
                 for p in range(len(text) + 1)]  # fmt: skip
        cues = scan(scan_text(text), lex)[1]
        assert not any(sentence_scoped(k) for k in cues)  # not read by the main scan
        wanted = {owner[c.start] for k in CONTROL_TRIGGERS for c in cues.get(k, ())}
        assert wanted, raw
        whole = _whole_text_scoped(text, lex)
        got = scoped_cues(scan_text(text), spans, owner.__getitem__, cues, lex)
        expected = {
            kind: [
                m for m in found if owner[m.start] in wanted and m.start < spans[owner[m.start]][1]
            ]
            for kind, found in whole.items()
        }
        expected = {k: v for k, v in expected.items() if v}
        assert got == expected, raw
        checked += sum(map(len, got.values()))
    assert checked > 20  # the texts do hold glue, locators and blockers


def test_no_control_word_no_scoped_scan():
    lex = load_lexicon()
    text = normalise("The de-escalation memorandum covers Idlib. Calm held in the town.").text
    spans = sentence_spans(text, lex.abbreviations)
    cues = scan(scan_text(text), lex)[1]
    assert scoped_cues(scan_text(text), spans, lambda _p: 0, cues, lex) == {}
