"""Pilot tests run without the per-App costs that test nothing (tests/ui/pace.py)."""

from tests.ui.pace import share_parsed_css, shorter_idle_window

share_parsed_css()
shorter_idle_window()
