"""The layers of DESIGN.md, enforced: imports only point down.

One fresh interpreter imports every non-UI layer, then the UI, and reports what got
loaded after each (tests/import_probe.py: a module already imported by another test
would hide a bad import in-process).
The UI's own imports are read from its source, so the rule holds for code that
only runs late (a function's local import) as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.import_probe import loaded_in_order

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "tui" / "ui"
NON_UI = (
    "tui.text",
    "tui.extract",
    "tui.store",
    "tui.cache.extractions",
    "tui.review",
    "tui.model",
    "tui.cli",
)


def test_no_layer_below_the_ui_loads_textual_and_the_cli_starts_light():
    loaded = loaded_in_order()
    # tui.cli first, on its own: the command starts without the extractor, the
    # Markdown parser or textual (the reader imports those when it needs them).
    assert loaded["tui.cli"] == []
    for name in NON_UI:
        assert not any(m.startswith("textual") for m in loaded[name]), (name, loaded[name])
    # The positive twin: the probe does see what a module pulls in.
    assert "tui.extract.pipeline" in loaded["tui.extract.pipeline"]


def test_the_probe_sees_textual_when_the_ui_is_imported():
    loaded = loaded_in_order()
    assert "textual" in loaded["tui.ui.app"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_the_ui_reaches_annotations_only_through_the_review_session():
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in _imports(path) if n.startswith("tui.store"))
        for path in _ui_files()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_import_reader_finds_store_imports(tmp_path):
    """The positive twin: an import of the store, even a late one, is seen."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from tui.store import sidecar\n    import tui.store.keeper\n")
    assert {"tui.store", "tui.store.sidecar", "tui.store.keeper"} <= _imports(sample)


def test_the_reader_state_imports_no_textual():
    files = sorted((UI / "state").rglob("*.py"))
    assert len(files) >= 4
    for path in files:
        assert not any(n.split(".")[0] == "textual" for n in _imports(path)), path
    loaded = loaded_in_order()
    assert not any(m.startswith("textual") for m in loaded["tui.ui.state"])
