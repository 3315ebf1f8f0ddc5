"""The compiled extractor (mypyc, see setup.py) is what an install runs, and an edited checkout
never runs stale compiled code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extract

ROOT = Path(__file__).resolve().parents[1]
PROBE = "import extract, extract.article as a; print(extract.COMPILED, a.__file__)"


def _probe(path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "ZONEWATCH_PURE"}
    environment.update(PYTHONPATH=str(path), **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=environment, cwd=path
    )


def test_the_installed_extractor_is_compiled_and_current():
    if os.environ.get("ZONEWATCH_PURE") == "1":
        assert not extract.COMPILED
        return
    assert extract.COMPILED, (
        "extract/ runs from its sources: it was installed with ZONEWATCH_PURE=1, or a source "
        "changed since the install compiled it; run `pip install -e .` again"
    )
    assert extract.article.__file__.endswith(".so")


@pytest.fixture
def copy_of_the_package(tmp_path: Path) -> Path:
    """The package with its compiled modules, in a folder of its own."""
    shutil.copytree(ROOT / "extract", tmp_path / "extract", symlinks=True)
    for so in ROOT.glob("*__mypyc*.so"):
        shutil.copy2(so, tmp_path / so.name)
    return tmp_path


@pytest.mark.skipif(not extract.COMPILED, reason="needs the compiled build")
def test_an_edited_source_makes_every_module_come_from_the_sources(copy_of_the_package):
    fresh = _probe(copy_of_the_package)
    assert fresh.stdout.split()[0] == "True", fresh.stderr
    source = copy_of_the_package / "extract" / "words.py"
    source.touch()
    stale = _probe(copy_of_the_package)
    assert stale.returncode == 0, stale.stderr
    compiled, where = stale.stdout.split()
    assert compiled == "False" and where.endswith("article.py")
    assert "words.py" in stale.stderr and "pip install -e ." in stale.stderr


@pytest.mark.skipif(not extract.COMPILED, reason="needs the compiled build")
def test_zonewatch_pure_reads_the_sources(copy_of_the_package):
    done = _probe(copy_of_the_package, ZONEWATCH_PURE="1")
    compiled, where = done.stdout.split()
    assert compiled == "False" and where.endswith("article.py")
    assert done.stderr == ""
