"""README.md is assembled from docs/readme/*.md; its quick start is the Makefile's and CI's."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_readme_is_assembled_from_its_parts():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_readme.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_quick_start_commands_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "\nrun:" in makefile and "\ntest:" in makefile
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")
    assert "docs/screenshot.png" in readme and (ROOT / "docs" / "screenshot.png").stat().st_size > 10_000
