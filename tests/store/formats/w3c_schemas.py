"""The W3C Web Annotation test suite's JSON Schemas, read from ../shared when it is there.

They are not copied into this repository (the suite's licence would allow it with
credit, but CI always has ../shared beside the checkout and a copy could drift), so a
test that needs them skips where ../shared/formats/w3c is absent.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parents[3] / ".." / "shared" / "formats" / "w3c"


def available() -> bool:
    return (SCHEMAS / "annotations" / "annotationMusts.test").is_file()


@lru_cache(maxsize=4)
def validators(test_file: str) -> tuple[tuple[str, Any], ...]:
    """(assertion, validator) for every assertion a .test file lists."""
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    resources = []
    for p in SCHEMAS.rglob("*.json"):
        data = json.loads(p.read_text(encoding="utf-8"))
        resources.append((data["id"], Resource.from_contents(data, default_specification=DRAFT4)))
    registry = Registry().with_resources(resources)
    listed = json.loads((SCHEMAS / test_file).read_text(encoding="utf-8"))["assertions"]
    return tuple(
        (
            name,
            Draft4Validator(
                json.loads((SCHEMAS / name).read_text(encoding="utf-8")),
                registry=registry,
                format_checker=Draft4Validator.FORMAT_CHECKER,
            ),
        )
        for name in listed
    )


def failures(data: dict[str, Any], test_file: str) -> list[str]:
    """The assertions ``data`` fails, with the validator's first message."""
    out = []
    for name, validator in validators(test_file):
        errors = list(validator.iter_errors(data))
        if errors:
            out.append(f"{name}: {errors[0].message[:120]}")
    return out
