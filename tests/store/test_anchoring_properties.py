"""Property: whatever edits a story gets, re-anchoring never puts an item in the wrong place.

Texts are made of a small vocabulary, so the same words recur (the look-alikes a
lost item could be moved onto), but no stretch of 10 characters recurs: in a text
that repeats whole passages ("iran iran iran") no one can say which copy an item
belonged to after one is deleted or moved. Edits
insert new text (in capitals, so it never forges an old passage), delete, move,
fix typos, curl quotes and re-wrap lines, and the edit simulator knows where every
character went. Each item must end up exactly where its text went, or orphaned.
"""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks.edits import EditableText, curl_quotes, paragraphs, rewrap
from tests.budget import examples
from tui.model import Annotations, Claim, Entity, Mention, Ref, Span
from tui.store import reanchor
from tui.store.fold import FoldedText
from tui.store.item_spans import spans_of
from tui.store.locate import Quote

# No two words within two edits of each other: an edit that makes one word out of
# another is a rewrite, not a typo, and must not pass for one.
WORDS = [
    "iran",
    "al",
    "said",
    "the",
    "talks",
    "would",
    "resume",
    "vienna",
    "minister",
    "stated",
    "reporters",
    "sanctions",
    "petroleum",
    "officials",
    "denied",
    "report",
    "strikes",
    "border",
    "ceasefire",
]


GRAM = 10


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Paragraphs of vocabulary words in which no stretch of GRAM characters recurs
    and no word follows itself ("al al": a typo in one makes the other its double);
    a word that would break this is swapped for the next one that does not."""
    text = ""
    grams: set[str] = set()

    def fits(piece: str) -> bool:
        new = text + piece
        fresh = [
            new[i : i + GRAM] for i in range(max(0, len(text) - GRAM + 1), len(new) - GRAM + 1)
        ]
        return not grams.intersection(fresh) and len(set(fresh)) == len(fresh)

    def add(piece: str) -> None:
        nonlocal text
        new = text + piece
        grams.update(
            new[i : i + GRAM] for i in range(max(0, len(text) - GRAM + 1), len(new) - GRAM + 1)
        )
        text = new

    for p in range(draw(st.integers(2, 5))):
        if p:
            add("\n\n")
        picks = draw(st.lists(st.integers(0, len(WORDS) - 1), min_size=4, max_size=14))
        quoted = draw(st.booleans())
        for k, i in enumerate(picks):
            last = k == len(picks) - 1
            for shift in range(len(WORDS)):
                word = WORDS[(i + shift) % len(WORDS)]
                if quoted and k == 1:
                    word = '"' + word
                piece = (
                    ("" if k == 0 else " ") + word + (('"' if quoted else "") + "." if last else "")
                )
                if fits(piece) and not text.endswith(" " + word) and text != word:
                    add(piece)
                    break
    return text + "\n"


def repeats(text: str, n: int = GRAM) -> bool:
    grams = [text[i : i + n] for i in range(len(text) - n + 1)]
    return len(grams) != len(set(grams))


def word_spans(text: str) -> list[tuple[int, int]]:
    out, i = [], 0
    for w in text.replace("\n", " ").split(" "):
        if w:
            out.append((i, i + len(w)))
        i += len(w) + 1
    return out


@st.composite
def annotated(draw: st.DrawFn) -> tuple[str, Annotations]:
    text = draw(articles())
    assume(not repeats(text) and len(word_spans(text)) >= 5)
    words = word_spans(text)
    n = len(words)

    def span(a: int, b: int) -> Span:
        # within one paragraph: a quote across a break is tested in test_anchoring.py
        while b > a and "\n\n" in text[words[a][0] : words[b][1]]:
            b -= 1
        return Span.of(text, words[a][0], words[b][1])

    mentions = []
    for k in range(draw(st.integers(1, 8))):
        a = draw(st.integers(0, n - 1))
        b = min(n - 1, a + draw(st.integers(0, 1)))
        mentions.append(Mention(f"m{k}", span(a, b), "GPE", "e1"))
    claims = []
    for k in range(draw(st.integers(0, 3))):
        a = draw(st.integers(0, n - 4))
        claims.append(
            Claim(f"c{k}", span(a + 1, a + 1), (span(a + 2, min(n - 1, a + 5)),), Ref(span(a, a)))
        )
    return text, Annotations((Entity("e1", "x", "GPE"),), tuple(mentions), tuple(claims))


EDITS = st.lists(
    st.tuples(
        st.sampled_from(("insert", "delete", "move", "typo", "curl", "rewrap")),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
        st.text(alphabet="QXZWVKJ ", min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=4,
)


def word_starts(et: EditableText) -> list[int]:
    chars = et.chars
    return [
        i for i in range(len(chars)) if chars[i] not in " \n" and (i == 0 or chars[i - 1] in " \n")
    ]


def ambiguous_cut(chars: list[str], start: int, end: int) -> bool:
    """Would the same cut made a word further left or right leave the same text?

    Deleting the first "iran " of "resume iran iran" or the second gives one text,
    so which "iran" survived is unknowable; such cuts are not made.
    """
    left = right = 0
    while start - left > 0 and chars[start - left - 1] == chars[end - left - 1]:
        left += 1
    while end + right < len(chars) and chars[start + right] == chars[end + right]:
        right += 1
    return left + right >= 2


def edit(et: EditableText, op: str, x: int, y: int, new: str) -> None:
    """One edit as editors make them: words inserted or deleted (never half a word and
    a space, which leaves text no reader could tell from other edits), a paragraph
    moved, a letter changed or dropped, quotes curled, lines re-wrapped."""
    n = len(et.chars)
    starts = word_starts(et)
    if n < 2 or len(starts) < 2:
        return
    a = starts[x % len(starts)]
    if op == "insert":
        et.insert(x % (n + 1), new)
    elif op == "delete":
        i = x % len(starts)
        j = min(len(starts), i + 1 + y % 4)
        if not ambiguous_cut(et.chars, starts[i], starts[j] if j < len(starts) else n):
            et.delete(starts[i], starts[j] if j < len(starts) else n)
    elif op == "move":
        paras = paragraphs(et.text)
        if len(paras) >= 3:
            i = 1 + x % (len(paras) - 1)
            j = y % len(paras)
            if j != i:
                et.move(paras[i - 1][1], paras[i][1], paras[j][1])  # with the break before it
    elif op == "typo":
        if et.chars[(a + 1) % n] not in " \n":
            if y % 2:
                et.substitute(a + 1, "Q")
            else:
                et.delete(a + 1, a + 2)
    elif op == "curl":
        curl_quotes(et)
    else:
        rewrap(et, width=10 + y % 30)


def whole_copy(text: str, old: Span, place: tuple[int, int] | None) -> bool:
    """Is ``text`` at ``place`` the old quote with all its context in its paragraph,
    unchanged (folded)? An edit can build such a copy from other words (moving
    "iran iran " in front of "al"): no one can then tell it from the original."""
    if place is None:
        return False
    q, f = Quote(old), FoldedText.of(text)
    start, end = f.to_folded(place[0]), f.to_folded(place[1])
    t = f.text
    before = t[max(0, start - len(q.near_p) - 1) : start]
    if len(q.near_p) < len(q.fp):
        expected_before = {"\n" + q.near_p}  # the paragraph began there
    elif q.fp:
        expected_before = {before[-len(q.near_p) - 1 :]} if before.endswith(q.near_p) else set()
    else:
        expected_before = {q.near_p} if start == 0 else set()
    after_ok = t.startswith(q.near_s, end) and (
        len(q.near_s) == len(q.fs) or t.startswith("\n", end + len(q.near_s))
    )
    return t[start:end] == q.fq and before in expected_before and after_ok


@settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
@given(annotated(), EDITS)
def test_random_edits_never_misplace(doc: tuple[str, Annotations], ops: list) -> None:
    text, ann = doc
    et = EditableText(text)
    for op in ops:
        edit(et, *op)
    new_text = et.text
    result, _ = reanchor(ann, new_text)
    before = {it.id: it for it in (*ann.mentions, *ann.claims)}
    taken: dict[tuple[int, int], tuple[int, int]] = {}  # new span -> the old span it came from
    for item in (*result.mentions, *result.claims):
        if item.anchor == "orphaned":
            assert spans_of(item) == spans_of(before[item.id])  # kept as it was
            continue
        for old, new in zip(spans_of(before[item.id]), spans_of(item), strict=True):
            truth = et.truth(old.start, old.end)
            if truth != (new.start, new.end):
                # only a perfect copy of the quote in its paragraph may be taken for it,
                # and only where the true place no longer looks like it
                assert whole_copy(new_text, old, (new.start, new.end)), (
                    item.id,
                    old,
                    new,
                    new_text,
                )
                assert not whole_copy(new_text, old, truth), (item.id, old, new, new_text)
            assert new_text[new.start : new.end] == new.text
            # two items never land on one span unless they shared it before
            assert taken.setdefault((new.start, new.end), (old.start, old.end)) == (
                old.start,
                old.end,
            )
