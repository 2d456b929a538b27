"""Applying item changes: the fast path must agree with applying them one by one."""

from hypothesis import given
from hypothesis import strategies as st

from tui.changes import Change, _apply_one, apply
from tui.model import Annotations, Mention, Span


def mention(i: int, start: int, status: str = "suggested") -> Mention:
    return Mention(f"m{i}", Span(start, start + 1, "x"), "ORG", "e1", status=status)


@given(
    st.lists(st.integers(0, 50), min_size=0, max_size=30),
    st.lists(
        st.tuples(st.sampled_from(["status", "move", "delete", "insert"]), st.integers(0, 60)),
        max_size=20,
    ),
)
def test_batch_apply_matches_sequential(starts: list[int], ops: list[tuple[str, int]]) -> None:
    items = tuple(
        sorted(
            (mention(i, s) for i, s in enumerate(starts)),
            key=lambda m: (m.span.start, m.span.end, m.id),
        )
    )
    changes, touched, next_id = [], set(), 1000
    for op, n in ops:
        if op == "insert":
            changes.append(Change(None, mention(next_id, n)))
            next_id += 1
            continue
        if not items:
            continue
        m = items[n % len(items)]
        if m.id in touched:
            continue
        touched.add(m.id)
        if op == "status":
            changes.append(Change(m, Mention(m.id, m.span, m.type, m.entity, status="accepted")))
        elif op == "move":
            changes.append(Change(m, Mention(m.id, Span(n, n + 1, "x"), m.type, m.entity)))
        else:
            changes.append(Change(m, None))
    expected = list(items)
    for ch in changes:
        _apply_one(expected, ch)
    got = apply(Annotations(mentions=items), tuple(changes)).mentions
    assert list(got) == expected
