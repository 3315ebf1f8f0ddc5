"""The web map (geo.webmap), its data (zonewatch.mapdata), offline Leaflet (zonewatch.offline) and
the Map page, headless."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import folium
import pytest
from streamlit.testing.v1 import AppTest

from geo import layers
from geo.style import status_styles
from geo.webmap import BASEMAPS, build_map
from geo.webmap_assets import leaflet_dir
from geo.webmap_popups import CAVEAT_EN, MAX_POPUP_EVIDENCE, MAX_SENTENCE_CHARS, zone_popup
from zonewatch.core.registry import load_registry
from zonewatch.dashboard import map_events, offline
from zonewatch.exports import leaflet, zone_summary
from zonewatch.store.dataset import Store

APP = Path(__file__).resolve().parents[1] / "app.py"
HOSTILE = (
    "Rebels said <script>window.x=1</script> <img src=x onerror=alert(2)> "
    "`${alert(3)}` </div></li> & more"
)
ARABIC = "أعلنت روسيا وتركيا وإيران إنشاء منطقة خفض التصعيد في الغوطة الشرقية"


class _Elements(HTMLParser):
    """Tags and text of an HTML fragment, to check what a browser would build from it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(fragment: str) -> _Elements:
    parser = _Elements()
    parser.feed(fragment)
    return parser


def _info(status: str = "in_force", evidence: list[dict] | None = None) -> dict:
    return {
        "status": status,
        "name_en": "Eastern Ghouta",
        "name_ar": "الغوطة الشرقية",
        "agreements": [
            {
                "id": "astana_memorandum_2017",
                "name_en": "Astana memorandum",
                "name_ar": "مذكرة أستانا",
                "status": status,
                "agreed": "2017-05-04",
                "start": "2017-05-06",
                "end": "2018-04-12",
                "origin": "registry",
            }
        ],
        "evidence_count": len(evidence or []),
        "evidence": evidence or [],
        "approximate": True,
    }


def _evidence(sentence: str, language: str = "en", title: str = "A title") -> dict:
    return {
        "sentence": sentence,
        "title": title,
        "source": "Wire",
        "published": "2017-05-05",
        "language": language,
    }


@pytest.fixture(scope="module")
def web() -> dict:
    return layers.web_geojson()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from zonewatch.ingest.demo import ensure_demo

    root = tmp_path_factory.mktemp("map-demo")
    assert ensure_demo(Store.open(root))
    return root


def _geojson_layers(m: folium.Map) -> list[folium.GeoJson]:
    found = []

    def walk(element):
        for child in element._children.values():
            if isinstance(child, folium.GeoJson):
                found.append(child)
            walk(child)

    walk(m)
    return found


def _zone_features(m: folium.Map) -> dict[str, dict]:
    zone_layer = next(g for g in _geojson_layers(m) if g.options.get("className") == "zw-zone")
    return {f["properties"]["zone"]: f["properties"] for f in zone_layer.data["features"]}


# -- popups -----------------------------------------------------------------------------------


def test_popup_shows_hostile_text_as_text():
    info = _info(evidence=[_evidence(HOSTILE, title=HOSTILE)])
    info["agreements"][0]["name_en"] = HOSTILE
    popup = zone_popup({"id": "eastern_ghouta"}, info, "2017-06-01")
    parsed = _parse(popup)
    assert {tag for tag, _ in parsed.tags} <= {"div", "span", "ul", "ol", "li", "b", "bdi"}
    assert all(not any(k.startswith("on") for k in attrs) for _, attrs in parsed.tags)
    assert "".join(parsed.text).count(HOSTILE) == 3  # sentence, title, agreement name


def test_arabic_evidence_and_names_are_right_to_left():
    info = _info(evidence=[_evidence(ARABIC, language="ar"), _evidence("English line")])
    popup = zone_popup({"id": "eastern_ghouta"}, info, "2017-06-01")
    for tag, attrs in _parse(popup).tags:
        if attrs.get("dir") == "rtl":
            assert attrs.get("lang") == "ar", tag
    rtl_text = re.findall(r'<div dir="rtl" lang="ar"[^>]*>([^<]*)</div>', popup)
    assert ARABIC in rtl_text and "الغوطة الشرقية" in rtl_text
    assert re.search(r'<div dir="ltr"[^>]*>English line</div>', popup)


def test_popup_carries_dates_count_and_caveat():
    info = _info(evidence=[_evidence("one"), _evidence("two")])
    info["evidence_count"] = 41
    popup = zone_popup({"id": "eastern_ghouta"}, info, "2017-06-01")
    assert "41 sentences" in popup
    assert "agreed 2017-05-04" in popup and "ended 2018-04-12" in popup
    assert CAVEAT_EN in popup
    info["approximate"] = False
    assert CAVEAT_EN not in zone_popup({"id": "eastern_ghouta"}, info, "2017-06-01")


def test_popup_keeps_a_few_short_sentences_whatever_it_is_given():
    long = "word " * 400
    info = _info(evidence=[_evidence(f"{i} {long}") for i in range(50)])
    popup = zone_popup({"id": "eastern_ghouta"}, info, "2017-06-01")
    items = re.findall(r'<li><div dir="ltr"[^>]*>([^<]*)</div>', popup)
    assert len(items) == MAX_POPUP_EVIDENCE
    assert all(len(text) <= MAX_SENTENCE_CHARS for text in items)


# -- the map ----------------------------------------------------------------------------------


def test_zones_are_coloured_by_status(web):
    statuses = ["in_force", "agreed", "ended", "none"]
    zones = [f["properties"]["id"] for f in web["zones"]["features"]]
    info = {z: _info(statuses[i % 4]) for i, z in enumerate(zones)}
    features = _zone_features(build_map(web, info, "none"))
    assert set(features) == set(zones)
    for zone, props in features.items():
        assert props["status"] == info[zone]["status"]
        assert props["style"]["fillColor"] == status_styles()[info[zone]["status"]]["fill"]


def test_zones_outside_the_filter_are_drawn_faintly(web):
    features = _zone_features(build_map(web, {"idlib": _info()}, "none"))
    assert features["idlib"]["style"]["fillOpacity"] > features["south"]["style"]["fillOpacity"]
    assert "Not in the current zone filter" in features["south"]["zw_popup"]


def test_one_layer_per_agreement(web):
    info = {
        "idlib": _info(),
        "south": {
            **_info(),
            "agreements": [
                {"id": "southwest_ceasefire_2017", "name_en": "South-west", "status": "in_force"},
                {"id": None, "name_en": "An unknown deal", "status": "claimed", "origin": "corpus"},
            ],
        },
    }
    m = build_map(web, info, "none")
    groups = [c for c in m._children.values() if isinstance(c, folium.FeatureGroup)]
    assert sorted(g.layer_name for g in groups) == ["Astana memorandum", "South-west"]
    assert all(not g.show for g in groups)
    page = m.get_root().render()
    assert page.count("L.control.layers(") == 1


def test_legend_names_every_status_and_the_date(web):
    page = build_map(web, {}, "none", day=date(2017, 6, 1)).get_root().render()
    legend = json.loads(re.search(r"div\.innerHTML = (\".*?\");", page).group(1))
    assert "Coverage on 2017-06-01" in legend
    for style in status_styles().values():
        assert style["label_en"] in legend and style["label_ar"] in legend


def test_hostile_text_never_reaches_the_page_as_markup(web):
    info = {"eastern_ghouta": _info(evidence=[_evidence(HOSTILE, title=HOSTILE)])}
    page = build_map(web, info, "none", offline_assets=True).get_root().render()
    benign = build_map(web, {"eastern_ghouta": _info()}, "none", offline_assets=True)
    assert page.count("<script") == benign.get_root().render().count("<script")
    assert "<img" not in page and "<script>window.x=1" not in page
    # The sentence travels only as JSON data, escaped twice: as HTML, then as a JSON string; no
    # JavaScript template literal (where a backtick or ${ would run) ever holds text.
    assert "&lt;script&gt;window.x=1&lt;/script&gt;" in page.replace("\\u0026", "&")
    assert "`${alert(3)}`" in page
    assert "bindTooltip(`" not in page and "$(`" not in page


@pytest.mark.parametrize("basemap", list(BASEMAPS))
def test_offline_map_loads_nothing_but_tiles(web, basemap):
    page = build_map(web, {}, basemap, offline_assets=True).get_root().render()
    urls = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert urls and all(u.startswith("data:") for u in urls)
    tiles = re.findall(r"https?://[^\"']*\{z\}[^\"']*", page)
    assert bool(tiles) == (BASEMAPS[basemap] is not None)


def test_online_map_loads_leaflet_only(web):
    page = build_map(web, {}, "none").get_root().render()
    urls = re.findall(r'(?:src|href)="(https?://[^"]+)"', page)
    assert len(urls) == 2 and all("leaflet" in u for u in urls)


def test_unknown_basemap_is_refused(web):
    with pytest.raises(ValueError, match="unknown basemap"):
        build_map(web, {}, "satellite")


# -- offline Leaflet --------------------------------------------------------------------------


def test_static_copy_matches_the_installed_package(tmp_path):
    target = offline.ensure_static_leaflet(tmp_path)
    assert target.is_relative_to(tmp_path / "static")
    for name in ("leaflet.js", "leaflet.css", "images/layers.png"):
        assert (target / name).read_bytes() == (leaflet_dir() / name).read_bytes()
    before = (target / "leaflet.js").stat().st_mtime_ns
    offline.ensure_static_leaflet(tmp_path)
    assert (target / "leaflet.js").stat().st_mtime_ns == before


def test_without_static_serving_the_app_map_inlines_leaflet(web, tmp_path, monkeypatch):
    monkeypatch.setattr(offline, "static_serving_enabled", lambda: False)
    m = offline.serve_from_app(build_map(web, {}, "none"), app_root=tmp_path)
    assert [url.split(",")[0] for _, url in m.default_js] == ["data:text/javascript;base64"]
    assert not (tmp_path / "static").exists()


def test_with_static_serving_the_app_map_points_at_its_copy(web, tmp_path, monkeypatch):
    (tmp_path / "app.py").write_text("")
    monkeypatch.setattr(offline, "static_serving_enabled", lambda: True)
    m = offline.serve_from_app(build_map(web, {}, "none"), app_root=tmp_path)
    (_, js), (_, css) = m.default_js[0], m.default_css[0]
    assert js.startswith("../../app/static/vendor/") and js.endswith("/leaflet.js")
    served = tmp_path / "static" / js.removeprefix("../../app/static/")
    assert served.read_bytes() == (leaflet_dir() / "leaflet.js").read_bytes()
    assert (tmp_path / "static" / css.removeprefix("../../app/static/")).exists()


def test_standalone_html_opens_without_the_internet(web, tmp_path):
    path = leaflet.save_offline_html(build_map(web, {}, "none"), tmp_path / "out" / "map.html")
    page = path.read_text("utf-8")
    assert not re.search(r'(?:src|href)="https?://', page)
    assert "L.map(" in page and "zw-zone" in page


# -- zone_info on the demo corpus -------------------------------------------------------------


def test_eastern_ghouta_in_force_then_ended(demo_store):
    store = Store.open(demo_store)
    before = zone_summary.zone_info(store, "2017-06-01")
    after = zone_summary.zone_info(store, date(2018, 6, 1))
    assert before["eastern_ghouta"]["status"] == "in_force"
    assert after["eastern_ghouta"]["status"] == "ended"
    registry = load_registry()
    for day, info in (("2017-06-01", before), ("2018-06-01", after)):
        expected = registry.zone_status_on(date.fromisoformat(day))
        assert {z: i["status"] for z, i in info.items()} == expected


def test_evidence_counts_and_top_sentences_come_from_the_corpus(demo_store):
    from zonewatch.store import queries

    store = Store.open(demo_store)
    info = zone_summary.zone_info(store, "2017-06-01")
    claims = queries.evidence(store)
    for zone, entry in info.items():
        family = {zone} | {z.id for z in load_registry().zones.values() if z.parent == zone}
        about = claims[claims["zone"].isin(family)]
        assert entry["evidence_count"] == len(about)
        sentences = [e["sentence"] for e in entry["evidence"]]
        assert len(sentences) == min(zone_summary.TOP_EVIDENCE, about["evidence"].nunique())
        assert set(sentences) <= set(about["evidence"])


def test_top_evidence_is_closest_to_the_day_on_or_before_it(demo_store):
    from zonewatch.store import queries

    store = Store.open(demo_store)
    claims = queries.evidence(store, zone="south")
    when = claims["date"].fillna(claims["published"]).dt.date
    day = sorted(when)[len(when) // 2]
    shown = zone_summary.zone_info(store, day, zones=["south"])["south"]["evidence"]
    first = claims.loc[when == max(d for d in when if d <= day), "evidence"]
    assert shown[0]["sentence"] in set(first)


def test_filters_narrow_zones_and_agreements(demo_store):
    store = Store.open(demo_store)
    info = zone_summary.zone_info(
        store, "2017-08-01", agreements=["southwest_ceasefire_2017"], zones=["south", "idlib"]
    )
    assert list(info) == ["south", "idlib"]
    assert info["south"]["status"] == "in_force" and info["idlib"]["status"] == "none"
    assert {a["id"] for z in info.values() for a in z["agreements"]} <= {"southwest_ceasefire_2017"}
    assert all(e["agreement"] == "southwest_ceasefire_2017" for e in info["south"]["evidence"])


def test_zone_info_on_an_empty_store(tmp_path):
    info = zone_summary.zone_info(Store.open(tmp_path), "2017-06-01")
    assert info["eastern_ghouta"]["status"] == "in_force"
    assert all(i["evidence_count"] == 0 and i["evidence"] == [] for i in info.values())


def test_clicked_zone_reads_the_feature_and_ignores_the_rest():
    feature = {"last_active_drawing": {"properties": {"zone": "south", "zw_popup": "…"}}}
    assert map_events.clicked_zone(feature) == "south"
    assert (
        map_events.clicked_zone({"last_active_drawing": {"properties": {"iso": "SY-DR"}}}) is None
    )
    assert map_events.clicked_zone({"last_active_drawing": {"properties": {"zone": "x"}}}) is None
    assert map_events.clicked_zone(None) is None


# -- the page ---------------------------------------------------------------------------------


def _statuses(at: AppTest) -> dict[str, str]:
    frame = at.dataframe[0].value
    return dict(zip(frame["zone"], frame["status"], strict=True))


def test_map_page_follows_the_date_and_basemap(demo_store, monkeypatch, navigation_only):
    monkeypatch.setenv("ZONEWATCH_DATA", str(demo_store))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["date"] = "2017-06-01"
    at.run()
    assert not at.exception and not at.error
    assert _statuses(at)["eastern_ghouta"] == "in_force"
    at.sidebar.slider(key="zw_day_slider").set_value(date(2018, 6, 1)).run()
    assert not at.exception
    assert _statuses(at)["eastern_ghouta"] == "ended"
    assert at.subheader[0].value == "Zones on 2018-06-01"
    at.selectbox(key="zw_basemap").set_value("cartodb_positron").run()
    assert not at.exception and _statuses(at)["eastern_ghouta"] == "ended"
    # The agreement filter recolours: under the Cairo Ghouta truce alone, Ghouta is ended and
    # the south (not covered by it) has no agreement.
    at.sidebar.multiselect(key="zw_agreements").set_value(["ghouta_truce_2017"]).run()
    assert _statuses(at)["eastern_ghouta"] == "ended" and _statuses(at)["south"] == "none"
    at.sidebar.slider(key="zw_day_slider").set_value(date(2017, 8, 1)).run()
    assert _statuses(at)["eastern_ghouta"] == "in_force"
