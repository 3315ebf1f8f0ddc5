from datetime import date

from zonewatch.core.registry import load_registry


def test_eastern_ghouta_in_force_then_ended():
    reg = load_registry()
    assert reg.zone_status_on(date(2017, 6, 1))["eastern_ghouta"] == "in_force"
    assert reg.zone_status_on(date(2018, 6, 1))["eastern_ghouta"] == "ended"


def test_agreed_before_effective():
    reg = load_registry()
    assert reg.zone_status_on(date(2017, 7, 8))["south"] == "in_force"  # memorandum already
    statuses = {c.agreement: s for c, s in reg.coverage_on(date(2017, 7, 8)) if c.zone == "south"}
    assert statuses["southwest_ceasefire_2017"] == "agreed"
    assert statuses["astana_memorandum_2017"] == "in_force"


def test_nothing_before_the_memorandum():
    reg = load_registry()
    assert set(reg.zone_status_on(date(2017, 3, 1)).values()) == {"none"}


def test_every_covered_zone_is_known_and_astana_rounds_present():
    reg = load_registry()
    for cov in reg.coverages():
        assert cov.zone in reg.zones
    for n in (1, 2, 3, 5, 6, 7, 8):
        assert f"astana_{n}" in reg.agreements
    assert "astana_4" not in reg.agreements  # round 4 is the memorandum
    assert reg.top_zones == ["idlib", "north_homs", "eastern_ghouta", "south"]
