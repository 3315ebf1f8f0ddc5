"""Compiles the extractor (``extract/``) to C with mypyc at install time, guided by a profile.

Why: extraction is the bulk path (``zonewatch ingest`` over a corpus, Dask workers) and its
profile is flat, spread over hundreds of small reading rules; mypyc turns the same typed Python
into a C extension and reads articles about 1.35 times faster with no change of output (issue 9:
2,000 articles/s in one process). Everything else stays plain Python.

With gcc the build is profile-guided, as CPython's own release builds are: the C is compiled
once with its branches counted, the extractor reads the repository's team-written articles
(``tests/benchmarks/pgo_training.py``), and the C is compiled again from those counts. About 9%
more articles per second for two minutes more of installing; ``ZONEWATCH_PGO=0`` skips it (one
plain compilation), as does a compiler other than gcc or a source tree without the training
read.

``ZONEWATCH_PURE=1 pip install ...`` skips the compilation; ``extract/__init__.py`` falls back to
the sources by itself when they are newer than the compiled modules, so an edited checkout never
runs stale code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent
TRAINING = ROOT / "tests" / "benchmarks" / "pgo_training.py"
#: gcc's flags for the counted build and for the build from the counts (a function the training
#: never reached has no counts: that is expected, not worth a warning per function).
COUNT = (["-fprofile-generate", "-fprofile-update=single"], ["-fprofile-generate"])
USE = (["-fprofile-use", "-fprofile-correction", "-Wno-missing-profile"], [])


def _compiled_modules() -> list[str]:
    """The extractor's modules, but its package ``__init__``s and ``compiled`` (the fallback)."""
    files = sorted((ROOT / "extract").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files if f.name not in ("__init__.py", "compiled.py")]


def _ext_modules() -> list:
    if os.environ.get("ZONEWATCH_PURE") == "1":
        return []
    from mypyc.build import mypycify

    return mypycify(
        ["--config-file", str(ROOT / "mypyc.ini"), *_compiled_modules()],
        opt_level="3",
    )


class ProfiledBuild(build_ext):
    """``build_ext`` that compiles twice around a training read (see the module docstring)."""

    def run(self) -> None:
        self._in_place = bool(self.inplace)  # set for --inplace and editable installs;
        super().run()  # run() clears it while it builds, then copies the modules in place

    def build_extensions(self) -> None:
        if not self._profiled():
            super().build_extensions()
            return
        self.force = True  # objects left by an earlier build carry no counts
        self._build_with(*COUNT)
        self._train()
        self._build_with(*USE)

    def _profiled(self) -> bool:
        compiler = getattr(self.compiler, "compiler_so", None) or ["?"]
        return (
            bool(self.extensions)
            and os.environ.get("ZONEWATCH_PGO") != "0"
            and "gcc" in Path(compiler[0]).name
            and TRAINING.is_file()
        )

    def _build_with(self, compile_args: list[str], link_args: list[str]) -> None:
        for ext in self.extensions:
            base = getattr(ext, "_plain_args", None)
            if base is None:
                base = ext._plain_args = (list(ext.extra_compile_args), list(ext.extra_link_args))
            ext.extra_compile_args = [*base[0], *compile_args]
            ext.extra_link_args = [*base[1], *link_args]
        super().build_extensions()

    def _train(self) -> None:
        """Run the training read on the counted build, from where Python will import it, with
        pip's own ``PYTHONPATH`` kept (its isolated build has the build requirements); fail if
        the read left no counts."""
        if self._in_place:
            self.copy_extensions_to_source()
        where = ROOT if self._in_place else Path(self.build_lib)
        path = [str(where.resolve()), str(ROOT), os.environ.get("PYTHONPATH", "")]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path))}
        subprocess.run([sys.executable, str(TRAINING)], check=True, env=env)
        if not any(Path(self.build_temp).rglob("*.gcda")):
            raise RuntimeError("the training read left no profile: was the counted build run?")


setup(ext_modules=_ext_modules(), cmdclass={"build_ext": ProfiledBuild})
