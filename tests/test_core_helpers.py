"""The one home of each helper issue 12 asks for: atomic writer, error family, CSV writer, HTML."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from pathlib import Path

import pytest

from zonewatch.cli.main import main
from zonewatch.core import files
from zonewatch.core.errors import OutputError, ZonewatchError, os_failure
from zonewatch.core.html import escape, markdown_text, script_json, shorten
from zonewatch.core.spreadsheet import csv_text


def test_script_json_never_closes_a_script_and_reads_back_the_same() -> None:
    value = {"t": "</script><!-- <img src=x onerror=alert(1)> & \u2028"}
    text = script_json(value)
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_escape_and_shorten() -> None:
    assert escape('<b a="1">') == "&lt;b a=&quot;1&quot;&gt;"
    assert escape(None) == "" and escape(float("nan")) == ""
    assert shorten("x" * 1000, 10) == "x" * 9 + "…" and shorten("short", 10) == "short"


def test_markdown_text_defuses_links_and_images() -> None:
    shown = markdown_text("![t](http://tracker.example/t.png).txt")
    assert "](" not in shown and "![" not in shown


def test_csv_text_defuses_formulas_and_quotes_cr_lf() -> None:
    rows = [["=1+1", "+a", "-b", "@c", "\td", "\re", "x\ry", "x\ny", -2, "plain"]]
    text = csv_text([f"c{i}" for i in range(10)], rows)
    parsed = list(csv.reader(io.StringIO(text, newline=None)))
    assert len(parsed) == 2 and len(parsed[1]) == 10
    assert [c[0] for c in parsed[1][:6]] == ["'"] * 6
    assert parsed[1][8:] == ["-2", "plain"]


def test_atomic_write_leaves_nothing_behind_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    files.write_text(target, "old")

    def fail(tmp: Path) -> None:
        tmp.write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="disk is full"):
        files.atomic_write(target, fail)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_gives_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = files.write_bytes(tmp_path / "a.bin", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "disk is full"), (errno.EFBIG, "ulimit -f"), (errno.EROFS, "read-only")],
)
def test_os_failure_names_the_cause(code: int, words: str) -> None:
    error = os_failure(OSError(code, os.strerror(code)), "cannot write x")
    assert isinstance(error, ZonewatchError) and words in str(error)


def test_cli_maps_a_disk_full_export_to_one_line(monkeypatch, tmp_path, capsys) -> None:
    def full(path, write):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "replace_file", full)
    code = main(
        [
            "render",
            "map",
            "--date",
            "2017-05-04",
            "--out",
            str(tmp_path / "z.geojson"),
            "--data",
            str(tmp_path / "d"),
        ]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "disk is full" in err[0]
