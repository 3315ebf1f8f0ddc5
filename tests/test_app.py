"""Headless tests of the dashboard (streamlit.testing.v1.AppTest): every page on an empty store,
on a hand-written store whose claims we know, and on the bundled demo store, plus the
interactions an analyst relies on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from zonewatch.store.dataset import Store, article_id

pytestmark = pytest.mark.usefixtures("navigation_only")

APP = Path(__file__).resolve().parents[1] / "app.py"
OWN_PAGES = ["pages/timeline.py", "pages/evidence.py", "pages/ingest.py"]
ALL_PAGES = ["pages/map.py", *OWN_PAGES, "pages/briefing.py"]
#: Pages that take more than a few seconds in AppTest (the briefing renders its figures).
SLOW_PAGES = {"pages/briefing.py"}
HOSTILE = (
    "Rebels said <script>alert(1)</script> and <img src=x onerror=alert(2)> and `rm -rf` **bold**."
)


def _article(text, title, published, language, zones, agreements, mentions, claims):
    aid = article_id(text)
    row = {
        "article_id": aid,
        "title": title,
        "url": None,
        "source": "Hand-written test wire",
        "published": published,
        "language": language,
        "text": text,
        "path": None,
        "zones": zones,
        "agreements": agreements,
        "ingested_at": None,
        "schema_version": 1,
    }
    mention_rows = []
    for kind, ident, surface in mentions:
        start = text.index(surface)
        mention_rows.append(
            {
                "article_id": aid,
                "kind": kind,
                "id": ident,
                "text": surface,
                "start": start,
                "end": start + len(surface),
                "sentence": 0,
            }
        )
    claim_rows = [
        {
            "article_id": aid,
            "agreement": agreement,
            "agreement_text": surface,
            "zone": zone,
            "relation": relation,
            "date": day,
            "date_precision": "day" if day else None,
            "sentence": 0,
            "evidence": text,
            "start": 0,
            "end": len(text),
        }
        for agreement, surface, zone, relation, day in claims
    ]
    return row, mention_rows, claim_rows


HAND_ARTICLES = [
    _article(
        "The Cairo agreement on Eastern Ghouta took effect on 22 July 2017.",
        "Ghouta truce starts",
        date(2017, 7, 25),
        "en",
        ["eastern_ghouta"],
        ["ghouta_truce_2017"],
        [
            ("agreement", "ghouta_truce_2017", "Cairo agreement on Eastern Ghouta"),
            ("zone", "eastern_ghouta", "Eastern Ghouta"),
            ("date", "2017-07-22", "22 July 2017"),
        ],
        [("ghouta_truce_2017", None, "eastern_ghouta", "covers", date(2017, 7, 22))],
    ),
    _article(
        "قالت المعارضة إن مذكرة خفض التصعيد ما زالت تشمل الغوطة الشرقية في 20 أيار 2018.",
        "الغوطة الشرقية بعد الاتفاق",
        date(2018, 6, 5),
        "ar",
        ["eastern_ghouta"],
        ["astana_memorandum_2017"],
        [
            ("agreement", "astana_memorandum_2017", "مذكرة خفض التصعيد"),
            ("zone", "eastern_ghouta", "الغوطة الشرقية"),
        ],
        [("astana_memorandum_2017", None, "eastern_ghouta", "covers", date(2018, 5, 20))],
    ),
    _article(
        f"A Geneva accord on Idlib was mentioned. {HOSTILE}",
        "Idlib <b>rumours</b>",
        date(2017, 9, 20),
        "en",
        ["idlib"],
        [],
        [("agreement", None, "Geneva accord"), ("zone", "idlib", "Idlib")],
        [(None, "Geneva accord", "idlib", "covers", None)],
    ),
    _article(
        "Putin and Erdogan agreed the Sochi deal on Idlib on 17 September 2018.",
        "Sochi deal on Idlib",
        date(2018, 9, 18),
        "en",
        ["idlib"],
        ["sochi_2018"],
        [("agreement", "sochi_2018", "Sochi deal"), ("zone", "idlib", "Idlib")],
        [("sochi_2018", None, "idlib", "covers", date(2018, 9, 17))],
    ),
]


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    monkeypatch.setenv("ZONEWATCH_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("ZONEWATCH_DEMO", "0")
    return tmp_path / "data"


@pytest.fixture
def hand_store(tmp_path, monkeypatch, commit_rows):
    root = tmp_path / "data"
    commit_rows(
        Store.open(root),
        [a for a, _, _ in HAND_ARTICLES],
        [m for _, ms, _ in HAND_ARTICLES for m in ms],
        [c for _, _, cs in HAND_ARTICLES for c in cs],
    )
    monkeypatch.setenv("ZONEWATCH_DATA", str(root))
    monkeypatch.setenv("ZONEWATCH_DEMO", "0")
    return root


@pytest.fixture
def demo_store(tmp_path, monkeypatch):
    """An empty data folder with the demo enabled: the app's first start fills it."""
    monkeypatch.setenv("ZONEWATCH_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("ZONEWATCH_DEMO", raising=False)
    return tmp_path / "data"


def _app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    if query:
        at.query_params.update(query)
    return at.run()


def _open(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    _assert_clean(at)
    return at


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _status(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _chart_frames(at: AppTest) -> list:
    """The data behind the page's Altair chart (Streamlit ships it as Arrow datasets)."""
    chart = at.get("vega_lite_chart")[0]
    return [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets]


def _pages():
    return [pytest.param(p, marks=pytest.mark.slow) if p in SLOW_PAGES else p for p in ALL_PAGES]


@pytest.mark.parametrize("page", _pages())
def test_every_page_on_an_empty_store(empty_store, page):
    at = _app()
    _assert_clean(at)
    _open(at, page)
    assert not at.error, [e.value for e in at.error]
    assert not (empty_store / "articles").exists()  # the demo was not loaded


@pytest.mark.parametrize("page", _pages())
def test_every_page_on_the_hand_store(hand_store, page):
    at = _open(_app(), page)
    assert not at.error, [e.value for e in at.error]


@pytest.mark.slow
def test_first_start_loads_the_demo_and_every_page_renders(demo_store):
    at = _app()
    _assert_clean(at)
    articles = Store.open(demo_store).counts()["articles"]
    assert articles >= 12
    assert f"{articles} articles" in at.sidebar.caption[0].value
    for page in ALL_PAGES:
        _open(at, page)
        assert not at.error, (page, [e.value for e in at.error])
    _open(at, "pages/evidence.py")
    assert len(at.dataframe[0].value) == articles
    languages = set(at.dataframe[0].value["language"])
    assert languages == {"ar", "en"}


def test_moving_the_date_ends_eastern_ghouta(empty_store):
    at = _open(_app(), "pages/timeline.py")
    at.sidebar.date_input(key="zw_day_input").set_value(date(2017, 6, 1)).run()
    assert _status(at)["Eastern Ghouta"] == "In force"
    assert at.sidebar.slider(key="zw_day_slider").value == date(2017, 6, 1)
    assert at.query_params["date"] == "2017-06-01"

    at.sidebar.slider(key="zw_day_slider").set_value(date(2018, 6, 1)).run()
    assert _status(at)["Eastern Ghouta"] == "Ended"
    assert _status(at)["Idlib zone"] == "In force"
    assert at.sidebar.date_input(key="zw_day_input").value == date(2018, 6, 1)
    assert at.query_params["date"] == "2018-06-01"


def test_a_shared_link_restores_the_view(empty_store):
    at = _app(
        {
            "date": "2018-06-01",
            "zones": "eastern_ghouta,north_homs",
            "agreements": "astana_memorandum_2017",
        }
    )
    _open(at, "pages/timeline.py")
    assert at.sidebar.slider(key="zw_day_slider").value == date(2018, 6, 1)
    assert at.sidebar.multiselect(key="zw_zones").value == ["eastern_ghouta", "north_homs"]
    assert at.sidebar.multiselect(key="zw_agreements").value == ["astana_memorandum_2017"]
    assert _status(at) == {"Eastern Ghouta": "Ended", "Northern Homs countryside": "Ended"}
    # The page switch kept the view in the URL, so the link can be passed on again.
    assert at.query_params["zones"] == "eastern_ghouta,north_homs"


@pytest.fixture
def fresh_server():
    """Leave Streamlit's multipage mode as a newly started server has it (see navigation_only)."""


def test_a_link_to_a_page_on_a_fresh_server_goes_through_the_app(empty_store, fresh_server):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params.update({"date": "2018-06-01"})
    at.switch_page("pages/timeline.py").run()
    _assert_clean(at)
    assert _status(at)["Eastern Ghouta"] == "Ended"
    assert at.sidebar.slider(key="zw_day_slider").value == date(2018, 6, 1)


def test_a_broken_link_still_opens(empty_store):
    at = _app({"date": "not-a-date", "zones": "atlantis,idlib"})
    _open(at, "pages/timeline.py")
    assert at.sidebar.multiselect(key="zw_zones").value == ["idlib"]
    assert at.query_params["zones"] == "idlib"


def test_filters_narrow_the_evidence(hand_store):
    at = _open(_app(), "pages/evidence.py")
    articles, claims = at.dataframe[0].value, at.dataframe[1].value
    assert len(articles) == 4 and len(claims) == 4
    assert not at.get("download_button")[0].proto.disabled

    at.selectbox(key="ev_language").set_value("ar").run()
    assert list(at.dataframe[0].value["language"]) == ["ar"]
    assert len(at.dataframe[1].value) == 1

    at.selectbox(key="ev_language").set_value("all").run()
    at.sidebar.multiselect(key="zw_zones").set_value(["eastern_ghouta"]).run()
    assert sorted(at.dataframe[0].value["title"]) == [
        "Ghouta truce starts",
        "الغوطة الشرقية بعد الاتفاق",
    ]
    assert set(at.dataframe[1].value["zone"]) == {"eastern_ghouta"}

    at.sidebar.multiselect(key="zw_agreements").set_value(["ghouta_truce_2017"]).run()
    assert list(at.dataframe[0].value["title"]) == ["Ghouta truce starts"]

    at.text_input(key="ev_search").set_value("no such words anywhere").run()
    assert at.dataframe[0].value.empty and at.dataframe[1].value.empty
    assert at.get("download_button")[0].proto.disabled  # nothing to download
    _assert_clean(at)


def test_reader_escapes_article_text_and_sets_direction(hand_store):
    at = _open(_app(), "pages/evidence.py")
    titles = {a["article_id"]: a["title"] for a, _, _ in HAND_ARTICLES}
    hostile = next(k for k, t in titles.items() if t.startswith("Idlib"))
    at.selectbox(key="ev_article").set_value(hostile).run()
    body = at.html[0].value
    assert "<script" not in body and "<img" not in body and "<b>rumours" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(2)&gt;" in body
    assert "`rm -rf` **bold**" in body  # no Markdown pass over article text
    assert 'dir="ltr"' in body

    arabic = next(k for k, t in titles.items() if t.startswith("الغوطة"))
    at.selectbox(key="ev_article").set_value(arabic).run()
    body = at.html[0].value
    assert 'dir="rtl"' in body and 'lang="ar"' in body
    assert ">الغوطة الشرقية</mark>" in body


def test_unknown_agreements_are_listed(hand_store):
    at = _open(_app(), "pages/evidence.py")
    unknown = at.dataframe[2].value
    assert list(unknown["text"]) == ["Geneva accord"]


def test_timeline_lists_disagreements(hand_store):
    at = _open(_app(), "pages/timeline.py")
    table = at.dataframe[0].value
    issues = dict(zip(table["title"], table["issue"], strict=True))
    assert issues == {
        "الغوطة الشرقية بعد الاتفاق": "dated after the registry interval ended",
        "Idlib <b>rumours</b>": "agreement not in the registry",
    }
    # The chart carries the registry bars, the corpus claims, and a rule at the chosen day.
    frames = _chart_frames(at)
    bars = next(f for f in frames if "status" in f)
    claims = next(f for f in frames if "dating" in f)
    rule = next(f for f in frames if "label" in f and "status" not in f)
    assert {"agreed", "in_force", "ended"} <= set(bars["status"])
    assert "Sochi deal on Idlib" in set(claims["title"])
    assert list(rule["label"]) == [at.sidebar.slider(key="zw_day_slider").value.isoformat()]


def test_ingest_rejects_empty_text_plainly(empty_store):
    at = _open(_app(), "pages/ingest.py")
    at.text_area(key="ing_text").input("   ")
    at.button[0].click().run()  # the form's Extract button
    _assert_clean(at)
    assert len(at.error) == 1 and "empty" in at.error[0].value


def test_ingest_previews_then_saves(empty_store):
    at = _open(_app(), "pages/ingest.py")
    at.text_input(key="ing_title").input("Sochi <deal>")
    at.date_input(key="ing_published").set_value(date(2018, 9, 18))
    at.text_area(key="ing_text").input(
        "Russia and Turkey agreed the Sochi agreement on Idlib on 17 September 2018. <script>x</script>"
    )
    at.button[0].click().run()
    _assert_clean(at)
    preview = at.html[0].value
    assert "&lt;script&gt;x&lt;/script&gt;" in preview and "<script" not in preview
    assert "Sochi &lt;deal&gt;" in preview
    assert not (empty_store / "articles").exists()  # nothing saved before asked

    at.button(key="ing_save").click().run()
    _assert_clean(at)
    assert Store.open(empty_store).counts()["articles"] == 1
    assert "1 new" in at.success[0].value
    assert "1 articles" in at.sidebar.caption[0].value


def test_ingest_upload_reports_unreadable_files(empty_store):
    at = _open(_app(), "pages/ingest.py")
    at.file_uploader(key="ing_files").set_value(
        [
            ("binary.txt", b"\x00\x01\x02 not text", "text/plain"),
            ("article.txt", b"Idlib\nThe Sochi deal on Idlib was agreed.", "text/plain"),
        ]
    ).run()  # an upload reruns the page, which enables the button
    at.button(key="ing_extract_files").click().run()
    _assert_clean(at)
    # shown as plain text: Markdown punctuation escaped (a file name must not become a link)
    shown = [e.value.replace("\\", "") for e in at.error]
    assert shown == ["binary.txt: binary file (contains NUL bytes)"]
    assert "(1 article, not saved yet)" in at.subheader[0].value
