"""Storage of the extractor's suggestions between openings (the extraction cache).

Outside ``tui/extract`` on purpose: the extractor version hashes that folder's code, so
a change to how suggestions are stored must not mark every sidecar stale and make every
user extract again. A change to the entry format bumps
:data:`tui.cache.extractions.FORMAT` instead. Nothing here imports textual.
"""
