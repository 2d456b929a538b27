"""A folder of articles as one unit of work: finding them, the SQLite index (summaries and
full-text search), and batch extraction over processes or a Dask cluster.

Nothing here imports textual; the library screen and scripts use it alike.
"""
