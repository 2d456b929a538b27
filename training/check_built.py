"""Check that the shipped built files match their sources.

    python -m training.check_built [--data DIR]

- ``tui/data/places.gaz`` is the same bytes as a fresh ``training.build_gazetteer``,
  ``tui/data/given_names.txt`` as a fresh ``training.build_given_names``, and
  ``tui/data/yaml_cache.txt`` as a fresh ``training.build_yaml_cache``;
- ``tui/data/ner_tagger.bin`` was trained with the features the tagger computes now
  (its recorded feature probe) and, when the training corpora are there (``--data``,
  default ``../shared/train``), on exactly these files (their recorded sha256).

Exit status 0 when all hold, 1 otherwise. The unit tests check the first three without
``../shared`` (``tests/extract/test_built_data.py``).
"""

from __future__ import annotations

import argparse
import sys

from training.build_gazetteer import OUT as PLACES_PATH
from training.build_gazetteer import build
from training.build_given_names import OUT as GIVEN_PATH
from training.build_given_names import build as build_given
from training.build_yaml_cache import OUT as YAML_CACHE_PATH
from training.build_yaml_cache import build as build_yaml_cache
from training.fingerprint import feature_probe, sources_sha256
from training.ner_corpora import training_files
from training.paths import ROOT, add_data_options
from tui.extract.tagger import WEIGHTS_FILE
from tui.extract.weights import unpack

WEIGHTS_PATH = ROOT / "tui" / "data" / WEIGHTS_FILE


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_options(ap, dev=False)
    args = ap.parse_args(argv)
    problems = []
    if build() != PLACES_PATH.read_bytes():
        problems.append(
            f"{PLACES_PATH.name}: differs from a fresh build (training.build_gazetteer)"
        )
    if build_given() != GIVEN_PATH.read_text(encoding="utf-8"):
        problems.append(
            f"{GIVEN_PATH.name}: differs from a fresh build (training.build_given_names)"
        )
    if build_yaml_cache()[0] != YAML_CACHE_PATH.read_bytes():
        problems.append(f"{YAML_CACHE_PATH.name}: out of date (training.build_yaml_cache)")
    header = unpack(WEIGHTS_PATH.read_bytes()).header
    if header.get("feature_probe") != feature_probe():
        problems.append(
            f"{WEIGHTS_PATH.name}: features changed since training (training.train_ner)"
        )
    if args.data.exists():
        if header.get("trained_on") != sources_sha256(training_files(args.data)):
            problems.append(f"{WEIGHTS_PATH.name}: trained on other files than {args.data}")
        checked = "gazetteer, features, training files"
    else:
        checked = f"gazetteer, features ({args.data} not found: training files not checked)"
    for p in problems:
        print(p)
    print("ok: " + checked if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
