"""Shared test fixtures.

Real data lives in ``../shared/data`` beside the project root (or wherever
``KG_SHARED_DATA`` points); tests that need it skip with a clear reason when
it is absent, as it is in a user's fresh clone.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = Path(os.environ.get("KG_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_path(*parts: str) -> Path:
    """Path under ../shared/data, or skip the test with the reason it is missing."""
    p = SHARED_DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p} is missing (set KG_SHARED_DATA or place ../shared/data beside the repo)")
    return p


def load_script(relpath: str) -> ModuleType:
    """Import a script of the repository that is not in a package (``"scripts/mine_lexicon.py"``) as a module."""
    path = ROOT / relpath
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def shared_data() -> Path:
    return shared_path()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
