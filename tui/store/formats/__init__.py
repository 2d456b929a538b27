"""Interchange formats: one module per format, exporting a review and importing annotations.

brat, W3C Web Annotation, Prodigy/spaCy JSONL, doccano, ACLED CSV, schema.org
ClaimReview and CoNLL. Nothing here imports textual; modules are imported only when
their format is used, so ``import tui.cli`` stays light. See docs/interchange.md.
"""
