"""Package data: word lists, codebook, model weights, and the one way to read them.

Every module reads its packaged data through these functions, so a file is found the
same way from a checkout, an installed wheel or a zip, and YAML goes through libyaml's
C loader where PyYAML was built with it (five to ten times faster than the pure-Python
one; both are safe loaders, so no tag in a data file can build an object).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def safe_yaml(text: str) -> Any:
    """``yaml.safe_load`` with the C loader when there is one."""
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
