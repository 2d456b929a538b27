"""`python -m tui` is the `marginalia` command."""

from tui.cli import entry

entry()
