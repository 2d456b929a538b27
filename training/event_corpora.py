"""Readers for the event training data in ``../shared/train/events`` (read at training
time only, never copied into the project).

- WikiEvents train (the derived JSONL: tokens, typed triggers, arguments with their
  coreferent mentions), detokenised into readable text so the extractor sees news as it
  reads it ("Venezuela’s president, ...", not "Venezuela ’ s president , ...").
- The ACLED notes sample (CSV): notes with ACLED's event and sub-event types, with the
  coder's label prefixes ("Looting: ...") and crowd-size tags ("[size=...]") removed,
  since news text has neither and a model must not learn to read them.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "train"
WIKIEVENTS = Path("events") / "wikievents_train.derived.jsonl.gz"
ACLED = Path("events") / "acled_notes_sample.csv.gz"

# KAIROS types the benchmark scores (conflict and casualty events)
SCORED = ("Conflict.", "Life.Die", "Life.Injure")
HELD_OUT_EVERY = 10  # ACLED notes whose id hashes to 0 mod this are never trained on

_NO_SPACE_BEFORE = frozenset(",.;:?!%)]}”’…") | {"'s", "’s", "n't", "n’t", "'", "'re", "'ve"}
_NO_SPACE_AFTER = frozenset("([{“‘$#")


@dataclass(frozen=True, slots=True)
class Argument:
    role: str
    span: tuple[int, int]  # character offsets of the annotated mention
    corefs: tuple[tuple[int, int], ...]  # the same entity's other mentions


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str  # KAIROS, two levels ("Conflict.Attack")
    trigger: tuple[int, int]
    arguments: tuple[Argument, ...]

    @property
    def scored(self) -> bool:
        return self.type.startswith(SCORED)


@dataclass(frozen=True, slots=True)
class EventDoc:
    doc_id: str
    text: str
    events: tuple[GoldEvent, ...]


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Readable text from tokens, and each token's character span in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue = True  # no space before the first token
    in_quote = False
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        space = not glue
        if tok in _NO_SPACE_BEFORE or (tok in ("s", "t") and prev in ("’", "'")):
            space = False
        if (
            tok == "-"
            and prev[-1:].isalnum()
            and tokens[i + 1 : i + 2]
            and tokens[i + 1][:1].isalnum()
        ):
            space = False  # "shoot - out" was "shoot-out"
        if prev == "-" and i >= 2 and tokens[i - 2][-1:].isalnum() and tok[:1].isalnum():
            space = False
        if tok == '"':
            space = space and not in_quote  # a closing straight quote hugs its word
        if space:
            parts.append(" ")
            pos += 1
        parts.append(tok)
        spans.append((pos, pos + len(tok)))
        pos += len(tok)
        glue = tok in _NO_SPACE_AFTER or (tok == '"' and not in_quote)
        if tok == '"':
            in_quote = not in_quote
    return "".join(parts), spans


def _chars(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    return spans[start][0], spans[end - 1][1]


def read_wikievents(data: Path = DATA) -> list[EventDoc]:
    """WikiEvents train documents as readable text with gold events in character offsets."""
    path = data / WIKIEVENTS
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            raw = json.loads(line)
            text, spans = detokenise(raw["tokens"])
            events = []
            for ev in raw["event_mentions"]:
                t = ev["trigger"]
                args = tuple(
                    Argument(
                        a["role"],
                        _chars(spans, a["start"], a["end"]),
                        tuple(_chars(spans, c["start"], c["end"]) for c in a["coref_mentions"]),
                    )
                    for a in ev["arguments"]
                )
                events.append(
                    GoldEvent(ev["event_type"], _chars(spans, t["start"], t["end"]), args)
                )
            events.sort(key=lambda e: e.trigger)
            docs.append(EventDoc(raw["doc_id"], text, tuple(events)))
    docs.sort(key=lambda d: d.doc_id)
    return docs


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    text: str
    event_type: str
    subtype: str
    actor1: str
    actor2: str
    country: str
    fatalities: int = 0  # the coders' count, for scoring the extracted tolls

    @property
    def held_out(self) -> bool:
        """The fixed rule that keeps a tenth of the notes out of training, for scoring."""
        return zlib.crc32(self.id.encode("utf-8")) % HELD_OUT_EVERY == 0


# "Looting: ...", "Movement of forces: ...": ACLED coders' labels, not news text
_LABEL_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z/ -]{2,40}:\s+(?=\S)")
_TAG = re.compile(r"\s*\[[a-z ]+=[^\]]*\]")


def clean_note(notes: str) -> str:
    """A note as news-like text: without a leading coder's label or ``[size=...]`` tags."""
    text = _TAG.sub("", notes)
    m = _LABEL_PREFIX.match(text)
    if m and not re.match(r"^\s*On\b", text):
        text = text[m.end() :]
    return " ".join(text.split())


def read_acled(data: Path = DATA) -> list[Note]:
    """The ACLED notes sample, cleaned, in file order."""
    raw = gzip.decompress((data / ACLED).read_bytes()).decode("utf-8")
    out = []
    for row in csv.DictReader(io.StringIO(raw)):
        text = clean_note(row["notes"])
        if not text or not row["sub_event_type"]:
            continue
        out.append(
            Note(
                row["event_id_cnty"],
                text,
                row["event_type"],
                row["sub_event_type"],
                row["actor1"],
                row["actor2"],
                row["country"],
                int(row["fatalities"] or 0),
            )
        )
    return out
