"""The shape of the code (docs/architecture.md): one-way imports, no Streamlit below the
dashboard, and modules and functions small enough to read."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = ("extract", "geo", "zonewatch", "pages", "assets", "tests", "app.py")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _python_files() -> list[Path]:
    files: list[Path] = []
    for name in CODE:
        path = ROOT / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def test_the_extractor_type_checks_for_its_compiled_build() -> None:
    """setup.py compiles extract/ with mypyc, which refuses a module that does not type-check
    (and a compiled module checks its annotations at run time): a type error found here is an
    install that would fail."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypyc.ini", "extract"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_store_and_exports_load_no_streamlit() -> None:
    probe = (
        "import sys, zonewatch.store.queries, zonewatch.exports.brief, zonewatch.cli.main, "
        "zonewatch.ingest.run; print(sorted(m for m in sys.modules if m.startswith('streamlit')))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text("utf-8")
    lines = source.count("\n")
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split it by responsibility"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


#: The packages whose modules bind their names once (``pages/`` are scripts, run top to bottom).
PACKAGES = ("extract", "geo", "zonewatch")


@pytest.mark.parametrize(
    "path",
    [p for p in _python_files() if p.relative_to(ROOT).parts[0] in PACKAGES],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_module_level_names_are_bound_once(path: Path) -> None:
    """A second ``NAME = ...`` in a module changes what every reader of the first one sees: a
    merge once left two ``STORY_SENTENCES`` (10 and 1) in one module, and the rule written for
    ten sentences read one."""
    bound: list[str] = []
    for node in ast.parse(path.read_text("utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        bound += [t.id for t in targets if isinstance(t, ast.Name)]
    twice = sorted({name for name in bound if bound.count(name) > 1})
    assert not twice, f"bound more than once: {', '.join(twice)}"
