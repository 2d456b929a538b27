"""A folder of articles as one unit of work: finding them, the SQLite index (summaries and
full-text search), batch extraction over processes or a Dask cluster, and agreement
between reviewers.

Nothing here imports textual; the library screen and scripts use it alike.
"""
