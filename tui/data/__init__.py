"""Package data: word lists, codebook, model weights, and the one way to read them.

Every module reads its packaged data through these functions, so a file is found the
same way from a checkout, an installed wheel or a zip. YAML goes through libyaml's C
loader where PyYAML was built with it (both are safe loaders: no tag in a data file can
build an object). Even the C loader builds its objects in Python, so the packaged word
lists are also kept as JSON in ``yaml_cache.txt``, keyed by the sha256 of each YAML
text (built by ``python -m training.build_yaml_cache``): a YAML text whose hash is there
is read from its JSON (ten times faster); any other text, an edited word list or a
user's codebook, is parsed as YAML. The cache can be out of date but never wrong.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

YAML_CACHE = "yaml_cache.txt"

_HERE = Path(__file__).resolve().parent


def data_bytes(name: str) -> bytes:
    """The bytes of packaged data file ``name`` (``FileNotFoundError`` when absent)."""
    try:
        return (_HERE / name).read_bytes()
    except FileNotFoundError:
        # imported from a zip: importlib.resources finds it (slower to set up, so second)
        from importlib import resources

        return resources.files(__name__).joinpath(name).read_bytes()


def data_text(name: str) -> str:
    """A packaged UTF-8 text file."""
    return data_bytes(name).decode("utf-8")


def has_data(name: str) -> bool:
    if (_HERE / name).is_file():
        return True
    from importlib import resources

    return resources.files(__name__).joinpath(name).is_file()


@lru_cache(maxsize=1)
def _yaml_cache() -> dict[str, str]:
    """sha256 of a YAML text -> the JSON of what it parses to (empty without the file)."""
    try:
        lines = data_text(YAML_CACHE).splitlines()
    except FileNotFoundError:
        return {}
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


def yaml_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def safe_yaml(text: str) -> Any:
    """``yaml.safe_load`` (the C loader when there is one), or the cached JSON of the
    same text; a fresh object either way."""
    cached = _yaml_cache().get(yaml_key(text))
    if cached is not None:
        return json.loads(cached)
    return parse_yaml(text)


def parse_yaml(text: str) -> Any:
    """``yaml.safe_load`` with the C loader when PyYAML has it."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, C or Python


def data_yaml(name: str) -> Any:
    """A packaged YAML file, parsed with a safe loader."""
    return safe_yaml(data_text(name))


def data_mapping(name: str) -> dict[str, Any]:
    """A packaged YAML file that must hold a mapping (word lists, codebook)."""
    data = data_yaml(name)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data
