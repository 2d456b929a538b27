"""Batch extraction on an existing Dask distributed cluster (``--dask ADDRESS``).

Workers get each article's bytes and give back the sidecar or JSON text, so the cluster
needs no shared disk; this process alone reads and writes files. Every worker needs
Marginalia installed (the same version): ``pip install 'marginalia[dask]'``.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Callable

CONNECT_TIMEOUT = "10s"


class BatchError(Exception):
    """The batch cannot start; one line for the user."""


def dask_executor(address: str) -> tuple[cf.Executor, int, Callable[[], None]]:
    """A concurrent.futures executor on the cluster, its number of worker threads, a closer."""
    try:
        from distributed import Client
    except ImportError:
        raise BatchError(
            "--dask needs Dask's distributed scheduler: pip install 'marginalia[dask]'"
        ) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
    threads = sum(client.nthreads().values()) or 1
    # pure=False: two identical articles are two jobs (each has its own path and index).
    return client.get_executor(pure=False), threads, client.close
