"""The adjudication screen: two reviews side by side, settled into a third."""
