"""The documented quick-look command draws a PNG of the zones over the governorates."""

from geo import preview


def test_preview_writes_a_png(tmp_path):
    out = tmp_path / "zones.png"
    assert preview.main(["--out", str(out), "--web", "--bbox", "35.7", "35.1", "37.4", "36.7"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
