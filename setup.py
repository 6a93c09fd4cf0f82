"""Build hook: ship the repository's data, queries and app entry inside the package.

Everything else about the build is declared in pyproject.toml. The files the package reads outside
its code stay at the repository's top level (see ecosystem/resources.py for why and for the list);
`build_py` copies them into `ecosystem/_shipped/` of the build, so that a wheel or a non-editable
install works from any folder. An editable install reads the repository directly and gets no copy.
"""

from __future__ import annotations

import runpy
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# Run on its own (standard library only): importing the package would need its dependencies.
_resources = runpy.run_path(str(HERE / "ecosystem" / "resources.py"))


class BuildWithShippedFiles(build_py):
    """`build_py` plus the copy of the shipped files into the built package."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            target = Path(self.build_lib) / "ecosystem" / "_shipped"
            self._shipped = [str(p) for p in _resources["copy_shipped"](HERE, target)]

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *getattr(self, "_shipped", [])]


setup(cmdclass={"build_py": BuildWithShippedFiles})
