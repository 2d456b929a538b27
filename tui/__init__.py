"""Marginalia: a keyboard-driven terminal reader for news."""

__version__ = "0.1.0"
