"""Every key binding of the reader lives in keymap.py, has an id, and can be remapped."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import tui.ui
from tui.ui import keymap
from tui.ui.config import parse_config

UI = Path(tui.ui.__file__).resolve().parent


def _ui_modules() -> list[str]:
    return [
        f"tui.ui.{m.name}"
        for m in pkgutil.walk_packages([str(UI)])
        if not m.name.startswith("state") and m.name != "extraction"
    ]


def _bound_classes() -> list[type[DOMNode]]:
    found = []
    for name in _ui_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name and issubclass(cls, DOMNode) and "BINDINGS" in vars(cls):
                found.append(cls)
    return found


def test_every_binding_of_every_screen_and_widget_is_in_the_keymap():
    known = {b.id: b for b in keymap.ALL_BINDINGS}
    classes = _bound_classes()
    assert len(classes) >= 10  # the reader, its widgets and every modal
    for cls in classes:
        for binding in vars(cls)["BINDINGS"]:
            assert isinstance(binding, Binding), (cls, binding)
            assert binding.id in known, (cls.__name__, binding)
            assert known[binding.id] is binding, (cls.__name__, binding.id)


def test_no_binding_is_made_outside_the_keymap():
    made = {}
    for path in sorted(UI.rglob("*.py")):
        if path.name == "keymap.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("Binding", "bind")
        ]
        if calls:
            made[path.name] = calls
    assert made == {}


def test_the_scan_sees_a_binding_made_elsewhere(tmp_path):
    """The positive twin: the same scan finds one."""
    sample = "from textual.binding import Binding\nB = [Binding('x', 'y', 'z')]\n"
    tree = ast.parse(sample)
    assert any(
        isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Binding" for n in ast.walk(tree)
    )


def test_the_config_can_remap_every_binding_id():
    ids = sorted(keymap.BINDING_IDS)
    assert {"note-save", "picker-cancel", "confirm-yes", "conflict-keep", "search-close"} <= set(
        ids
    )
    config = parse_config({"keymap": dict.fromkeys(ids, "ctrl+f12")})
    assert config.problems == ()
    assert set(config.keymap) == set(ids)
    by_id = {b.id: b for b in keymap.ALL_BINDINGS}
    assert all(b.id and by_id[b.id] is b for b in keymap.ALL_BINDINGS)  # one binding per id
