"""Execute notebooks/explore.ipynb with nbclient (a real kernel) on the shared HF papers."""

from __future__ import annotations

import importlib
import os

import pytest

from tests.conftest import ROOT, SHARED_DATA, shared_path

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_explore_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    shared_path("hf-papers")
    extract = importlib.import_module("kg.extract")
    if not hasattr(extract, "extract_papers"):
        pytest.skip("kg.extract.extract_papers is not available yet: the notebook needs the extraction pipeline")
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    os.environ["KG_SHARED_DATA"] = str(SHARED_DATA)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT / "notebooks")}})
    client.execute()
    text = "\n".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stdout")
    assert "top Methods" in text and "shared data missing" not in text
    images = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert images >= 2
