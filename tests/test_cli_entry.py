"""The `marginalia` command leaves at once after the reader (no interpreter teardown:
2.7 s for a 1 MB article), and exits normally after anything else."""

import threading

import pytest

from tui import cli


@pytest.fixture
def exits(monkeypatch):
    seen: list[tuple[str, int]] = []

    def fast_exit(code: int) -> None:
        seen.append(("os._exit", code))
        raise SystemExit(code)  # stop here, as os._exit would

    monkeypatch.setattr(cli.os, "_exit", fast_exit)
    monkeypatch.setattr(cli, "_READER_CLOSED", [])
    return seen


def test_after_the_reader_the_process_leaves_at_once(monkeypatch, exits):
    def reader() -> int:
        cli._READER_CLOSED.append(True)
        return 0

    monkeypatch.setattr(cli, "main", reader)
    # The suite's own helper threads are not the reader's: as in the command, none.
    monkeypatch.setattr(threading, "enumerate", lambda: [threading.main_thread()])
    with pytest.raises(SystemExit):
        cli.entry()
    assert exits == [("os._exit", 0)]


def test_after_another_command_python_exits_as_usual(monkeypatch, exits):
    monkeypatch.setattr(cli, "main", lambda: 3)
    with pytest.raises(SystemExit) as raised:
        cli.entry()
    assert raised.value.code == 3 and exits == []


def test_a_thread_still_writing_is_waited_for(monkeypatch, exits):
    release = threading.Event()
    writer = threading.Thread(target=release.wait, args=(10,), daemon=False)

    def reader() -> int:
        cli._READER_CLOSED.append(True)
        return 0

    monkeypatch.setattr(cli, "main", reader)
    writer.start()
    try:
        with pytest.raises(SystemExit) as raised:
            cli.entry()
        assert raised.value.code == 0 and exits == []  # a normal exit waits for it
    finally:
        release.set()
        writer.join(5)
