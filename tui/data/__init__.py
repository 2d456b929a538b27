"""Package data: word lists, codebook, model weights (read with importlib.resources)."""
