"""A folder of articles: index and search, batch extraction, agreement between reviewers."""
