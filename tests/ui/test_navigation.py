from tui.ui.navigation import find_all, first_visible, step, step_wrapping


def test_step_from_nothing_starts_at_the_viewport():
    starts = [10, 50, 90]
    assert step(starts, None, 1, 40) == 1
    assert step(starts, None, -1, 40) == 0
    assert step(starts, 1, 1, 0) == 2
    assert step(starts, 2, 1, 0) is None  # stops at the end, like less
    assert step([], None, 1, 0) is None


def test_step_wrapping_wraps():
    assert step_wrapping([1, 2, 3], 2, 1, 0) == 0
    assert step_wrapping([1, 2, 3], 0, -1, 0) == 2


def test_find_all_is_literal_and_smart_case():
    text = "Said [bold] said SAID a.b"
    assert find_all(text, "said") == [(0, 4), (12, 16), (17, 21)]
    assert find_all(text, "Said") == [(0, 4)]
    assert find_all(text, "[bold]") == [(5, 11)]
    assert find_all(text, "a.b") == [(22, 25)]
    assert find_all(text, "") == []


def test_first_visible():
    assert first_visible([5, 30, 70], 20, 60) == 1
    assert first_visible([5, 30, 70], 31, 60) is None


def test_first_visible_counts_an_item_begun_above_the_screen():
    assert first_visible([5, 70], 20, 60, ends=[40, 90]) == 0
    assert first_visible([5, 70], 20, 60, ends=[10, 90]) is None


def test_step_counts_from_the_screen_when_the_current_item_scrolled_away():
    starts = [10, 200, 400, 5000, 5200]
    # current item 3 (at 5000) is on screen: J goes to the next one
    assert step(starts, 3, 1, origin=4900, visible=(4900, 5300)) == 4
    # the reader pressed g: the screen shows 0..300, item 3 is off screen
    assert step(starts, 3, 1, origin=0, visible=(0, 300)) == 0
    assert step(starts, 3, -1, origin=250, visible=(250, 600)) == 1
    # without a visible range, the old behaviour: relative to the current item
    assert step(starts, 3, 1, origin=0) == 4
