"""`marginalia agree`: folders and sidecars in, a table or JSON out, one-line errors."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.corpus.test_agreement import TEXT, full
from tui.cli import main
from tui.model import Annotations, Review
from tui.store import save, sidecar_path
from tui.text.document import text_sha256


def put(folder: Path, ann: Annotations, text: str = TEXT, name: str = "story.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / name
    article.write_text(text, encoding="utf-8")
    save(sidecar_path(article), ann, sha256=text_sha256(text), length=len(text), name=name)
    return article


def named(ann: Annotations, who: str) -> Annotations:
    """The claims judged by ``who`` (so the review records its reviewer)."""
    claims = tuple(
        replace(c, review=replace(c.review, by=who, at="2025-01-01T00:00:00Z")) for c in ann.claims
    )
    return replace(ann, claims=claims)


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "500")  # one table row per line, as in a wide terminal


def agree(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main(["agree", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_two_folders_give_a_table_with_every_figure(tmp_path: Path, capsys) -> None:
    put(tmp_path / "alice", named(full(), "alice"))
    b = full()
    b = replace(b, claims=(*b.claims[:2], replace(b.claims[2], review=Review("verified"))))
    put(tmp_path / "bob", named(b, "bob"))
    code, out, err = agree(capsys, tmp_path / "alice", tmp_path / "bob")
    assert code == 0, err
    assert "A alice" in out and "B bob" in out and "1 article compared" in out
    assert "entity mentions, exact" in out and "F1 1.000" in out
    # verdicts: (verified, verified) (false, false) (disputed, verified): p_o 2/3,
    # p_e = (1*2 + 1*1 + 1*0)/9 = 1/3, kappa = (1/3)/(2/3) = 0.5
    assert "κ 0.500 · observed 67%" in out
    assert "3 judged by both" in out
    assert "Entity mentions by type" in out and "GPE" in out
    assert "Per article" not in out  # one article: the overall table says it all


def test_json_for_scripts(tmp_path: Path, capsys) -> None:
    a = put(tmp_path / "a", full())
    b = put(tmp_path / "b", full())
    code, out, _ = agree(capsys, sidecar_path(a), b, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [r["label"] for r in data["reviewers"]] == ["A", "B"]
    assert data["overall"]["articles"] == 1
    assert data["overall"]["verdicts"]["kappa"] == 1.0
    assert data["overall"]["claims"] | {"count": None} == {
        "f1": 1.0,
        "source_agreement": 1.0,
        "kind_agreement": 1.0,
        "count": None,
        "matched": 3,
    }
    (art,) = data["articles"]
    assert art["name"] == "story.txt" and art["reviewers"] == ["A", "B"]
    assert art["entities"]["by_type"]["ORG"]["count"] == {"A": 2, "B": 2}


def test_an_edited_copy_of_the_article_is_matched_by_name_and_reanchored(
    tmp_path: Path, capsys
) -> None:
    put(tmp_path / "a", full())
    edited = "UPDATE: a paragraph added at the top.\n\n" + TEXT
    b_ann = full()
    from tui.store import reanchor

    moved, _ = reanchor(b_ann, edited)
    put(tmp_path / "b", moved, text=edited)
    code, out, err = agree(capsys, tmp_path / "a", tmp_path / "b", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    (art,) = data["articles"]
    assert art["entities"]["exact_f1"] == 1.0 and art["claims"]["f1"] == 1.0
    assert any("re-anchored onto the first reviewer's text" in n for n in art["notes"])


def test_an_article_changed_since_both_reviewed_it_is_compared_on_its_new_text(
    tmp_path: Path, capsys
) -> None:
    first = "Rebels said they took the airport in Aleppo on Monday. "
    for who in ("a", "b"):
        put(tmp_path / who, full()).write_text(TEXT.replace(first, ""), encoding="utf-8")
    code, out, err = agree(capsys, tmp_path / "a", tmp_path / "b", "--format", "json")
    assert code == 0, err
    (art,) = json.loads(out)["articles"]
    assert len(art["notes"]) == 2
    assert all("article changed since it was reviewed" in n for n in art["notes"])
    assert all("could not be placed and are left out" in n for n in art["notes"])
    # What was in the deleted sentence is orphaned in both and left out of the figures.
    assert art["entities"]["count"] == {"A": 1, "B": 1}
    assert (art["claims"]["count"], art["events"]["count"]) == ({"A": 2, "B": 2}, {"A": 1, "B": 1})


def test_several_articles_get_a_per_article_table(tmp_path: Path, capsys) -> None:
    for who in ("a", "b"):
        put(tmp_path / who, full())
        put(tmp_path / who, Annotations(), text="Another story entirely.\n", name="other.txt")
    put(tmp_path / "a", full(), text=TEXT + "Only here.\n", name="lonely.txt")
    code, out, err = agree(capsys, tmp_path / "a", tmp_path / "b")
    assert code == 0, err
    assert "2 articles compared" in out and "Per article" in out
    assert "story.txt" in out and "other.txt" in out
    assert "not compared: lonely.txt is only in A" in out


def test_three_reviewers_get_alpha(tmp_path: Path, capsys) -> None:
    for who in ("a", "b", "c"):
        put(tmp_path / who, full())
    code, out, _ = agree(capsys, *(tmp_path / w for w in "abc"))
    assert code == 0
    assert "α 1.000" in out and "3 judged by all" in out and "mean of pairs" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["only-one"], "at least two reviews"),
        (["missing-a", "missing-b"], "missing-a: no such file or folder"),
        (["empty", "b"], "no reviewed articles in it"),
        (["story-without-sidecar.txt", "b"], "not a sidecar, and no"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    tmp_path: Path, capsys, monkeypatch, args, message
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "story-without-sidecar.txt").write_text(TEXT, encoding="utf-8")
    put(tmp_path / "b", full())
    code, out, err = agree(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_reviews_of_different_articles_have_nothing_to_compare(tmp_path: Path, capsys) -> None:
    put(tmp_path / "a", full())
    put(tmp_path / "b", full(), text="A different story.\n" + TEXT, name="else.txt")
    code, _, err = agree(capsys, tmp_path / "a", tmp_path / "b")
    assert code == 2 and "no article is in more than one" in err


def test_a_broken_sidecar_in_a_folder_is_a_warning_not_the_end(tmp_path: Path, capsys) -> None:
    put(tmp_path / "a", full())
    put(tmp_path / "b", full())
    (tmp_path / "b" / "junk.txt.marginalia.yaml").write_text("marginalia: [", encoding="utf-8")
    code, out, err = agree(capsys, tmp_path / "a", tmp_path / "b")
    assert code == 0 and "F1 1.000" in out
    assert "warning:" in err and "junk.txt.marginalia.yaml" in err


def test_names_from_outside_never_reach_the_terminal_raw(tmp_path: Path, capsys) -> None:
    evil = "x\x1b[31mred.txt"
    put(tmp_path / "a", full(), name=evil)
    put(tmp_path / "b", full(), name=evil)
    put(tmp_path / "a", full(), text="Second.\n", name="two.txt")
    put(tmp_path / "b", full(), text="Second.\n", name="two.txt")
    code, out, _ = agree(capsys, tmp_path / "a", tmp_path / "b")
    assert code == 0
    assert "\x1b" not in out and "x\\x1b[31mred.txt" in out


def test_agree_loads_no_textual_and_tui_cli_stays_light() -> None:
    from tests.import_probe import loaded_in_order

    loaded = loaded_in_order()
    assert loaded["tui.cli"] == []
    assert not any(m.startswith("textual") for m in loaded["tui.cli_agree_table"])
