"""The search language: free words and phrases, field filters, and flags.

    aleppo "air strike"                 words anywhere (all must match; ``word*`` for a prefix)
    source:"Syrian Observatory"         the claim's (or event's) source, any name of its entity
    verdict:false  type:"Air/drone strike"  place:Aleppo  entity:HTS  actor:  cue:  content:  note:
    text:ceasefire                      the article's text (a sentence) or an item's own words
    kind:claim|event|entity|text        only that kind of result
    unreviewed                          only claims without a verdict, events and entities still
                                        suggested

User text never reaches FTS5 as syntax: every word and phrase is quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.corpus.rows import FIELDS

FIELD_NAMES: dict[str, str] = {name: name for name in FIELDS if name != "body"} | {"text": "body"}
KINDS = ("claim", "event", "entity", "text")
FLAGS = ("unreviewed",)

# field:"a phrase" | field:word | "a phrase" | word
_TOKEN = re.compile(r'(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
_WORDLIKE = re.compile(r"\w")


class QueryError(ValueError):
    """A query that cannot be run; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    field: str | None  # an index column, or None for any
    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...] = ()
    kind: str | None = None
    unreviewed: bool = False

    @property
    def empty(self) -> bool:
        return not self.terms and self.kind is None and not self.unreviewed

    def fts(self, kind: str | None = None) -> str:
        """The FTS5 MATCH expression, ``kind`` (or the query's own) and state included."""
        parts = []
        for t in self.terms:
            quoted = '"' + t.text.replace('"', '""') + '"' + (" *" if t.prefix else "")
            parts.append(f"{t.field} : {quoted}" if t.field else quoted)
        kind = kind or self.kind
        if kind is not None:
            parts.append(f'kind : "{kind}"')
        if self.unreviewed:
            parts.append('state : "unreviewed"')
        return " AND ".join(parts)


def parse_query(text: str) -> Query:
    """A Query from what the user typed; QueryError for an unknown field or kind."""
    terms: list[Term] = []
    kind: str | None = None
    unreviewed = False
    for m in _TOKEN.finditer(text):
        field, phrase, word = m.group("field"), m.group("phrase"), m.group("word")
        value = phrase if phrase is not None else (word or "")
        if field is None and phrase is None and value.endswith(":") and value[:-1].isalpha():
            raise QueryError(f'{value} needs a value (for example {value}"...")')
        if field is None and phrase is None and value.lower() in FLAGS:
            unreviewed = True
            continue
        column: str | None = None
        if field is not None:
            name = field.lower()
            if name == "kind":
                if value.lower() not in KINDS:
                    raise QueryError(f"kind:{value}: a kind is one of {', '.join(KINDS)}")
                kind = value.lower()
                continue
            if name not in FIELD_NAMES:
                known = ", ".join([*FIELD_NAMES, "kind"])
                raise QueryError(f"unknown field {field!r}: fields are {known}")
            column = FIELD_NAMES[name]
        prefix = phrase is None and value.endswith("*")
        value = value.rstrip("*") if prefix else value
        if _WORDLIKE.search(value):
            terms.append(Term(column, value, prefix))
        elif field is not None:
            raise QueryError(f'{field}: needs a value (for example {field}:"...")')
    return Query(tuple(terms), kind, unreviewed)
