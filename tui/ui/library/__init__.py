"""The library screen: a folder of articles as a sortable, filterable list.

``state`` is plain Python (no textual), tested without Pilot; the rest draws it.
"""
