"""``zonewatch extract``: output formats and bad input (one line on stderr, exit 2)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from zonewatch.cli.main import main

ARTICLE_AR = "قالت روسيا أمس الثلاثاء إن اتفاق خفض التصعيد يشمل إدلب والغوطة الشرقية.\n"
ARTICLE_EN = (
    "Russia said on Tuesday that the de-escalation memorandum covers Idlib and Eastern Ghouta.\n"
)


def run(
    argv: list[str], capsys, stdin: bytes | None = None, monkeypatch=None
) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(["extract", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_is_the_contract(tmp_path, capsysbinary):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_AR, "utf-8")
    code = main(["extract", "--published", "2017-07-05", str(path)])
    out, err = capsysbinary.readouterr()
    assert code == 0 and err == b""
    result = json.loads(out.decode("utf-8"))
    assert list(result) == [
        "language",
        "published",
        "zones",
        "agreements",
        "coverage",
        "dates",
        "mentions",
        "control",
    ]
    assert result["zones"] == ["eastern_ghouta", "idlib"]
    assert result["agreements"] == ["astana_memorandum_2017"]
    assert {"2017-07-04"} <= {d["date"] for d in result["dates"]}
    for link in result["coverage"]:
        assert set(link) == {
            "agreement",
            "zone",
            "relation",
            "date",
            "sentence",
            "evidence",
            "start",
            "end",
        }


def test_text_output_groups_findings_with_evidence(tmp_path, capsysbinary):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_EN, "utf-8")
    assert main(["extract", "--format", "text", "--published", "2017-07-05", str(path)]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert "Zones:" in out and "Coverage:" in out and "Dates:" in out
    assert "astana_memorandum_2017 covers idlib" in out
    assert "sentence 0: Russia said on Tuesday" in out


def test_text_output_keeps_arabic_in_logical_order_unless_asked(tmp_path, capsysbinary):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_AR, "utf-8")
    main(["extract", "--format", "text", str(path)])
    assert ARTICLE_AR.strip() in capsysbinary.readouterr().out.decode("utf-8")
    main(["extract", "--format", "text", "--bidi", str(path)])
    assert ARTICLE_AR.strip() not in capsysbinary.readouterr().out.decode("utf-8")


def test_reads_standard_input(monkeypatch, capsysbinary):
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE_EN.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["extract", "-"]) == 0
    assert json.loads(capsysbinary.readouterr().out)["language"] == "en"


def test_windows_1256_and_bom_are_decoded(tmp_path, capsysbinary):
    legacy = tmp_path / "cp1256.txt"
    legacy.write_bytes(ARTICLE_AR.encode("cp1256"))
    assert main(["extract", str(legacy)]) == 0
    assert json.loads(capsysbinary.readouterr().out)["zones"] == ["eastern_ghouta", "idlib"]
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ARTICLE_AR.encode("utf-8"))
    assert main(["extract", str(bom)]) == 0
    result = json.loads(capsysbinary.readouterr().out)
    assert result["mentions"][0]["start"] >= 0 and not result["mentions"][0]["text"].startswith(
        "\ufeff"
    )


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "is empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\t\n"), "is empty"),
        (lambda d: _write(d / "bin.dat", bytes(range(256)) * 8), "binary"),
        (lambda d: _write(d / "big.txt", b"Idlib " * (1024 * 1024)), "MiB limit"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, setup, message):
    path = setup(tmp_path)
    code = main(["extract", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_undecodable_bytes_are_a_clear_error(tmp_path, capsys):
    path = _write(tmp_path / "junk.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 40)
    code = main(["extract", str(path)])
    err = capsys.readouterr().err
    # either decoded by a legacy code page (exit 0) or refused with one line (exit 2); never a crash
    assert code in (0, 2)
    if code == 2:
        assert err.count("\n") == 1


def test_bad_published_date(tmp_path, capsys):
    path = _write(tmp_path / "a.txt", ARTICLE_EN.encode())
    assert main(["extract", "--published", "2017-13-45", str(path)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_subprocess_exit_status_and_no_traceback(tmp_path):
    import subprocess
    from pathlib import Path

    script = Path(sys.executable).parent / "zonewatch"  # installed by pip install -e .
    proc = subprocess.run(
        [str(script), "extract", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("zonewatch: error:") and "Traceback" not in proc.stderr


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
