"""Storage: the YAML sidecar (atomic writes, format versions) and re-anchoring.

Nothing here imports textual.
"""

from tui.store.anchoring import AnchorReport, reanchor, reanchor_span
from tui.store.sidecar import (
    FORMAT_VERSION,
    Sidecar,
    SidecarError,
    dumps,
    loads,
    read,
    save,
    sidecar_path,
    write_atomic,
)

__all__ = [
    "FORMAT_VERSION",
    "AnchorReport",
    "Sidecar",
    "SidecarError",
    "dumps",
    "loads",
    "read",
    "reanchor",
    "reanchor_span",
    "save",
    "sidecar_path",
    "write_atomic",
]
