"""The Textual reader. Entry point: :func:`tui.ui.app.run_reader`."""
