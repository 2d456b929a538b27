"""tests/hangs.py: what a hung asyncio test is waiting for, named from its tasks."""

from __future__ import annotations

import asyncio

from tests.hangs import describe_tasks


async def waits_for_an_event(event: asyncio.Event) -> None:
    await event.wait()


async def gathers(event: asyncio.Event) -> None:
    await asyncio.gather(waits_for_an_event(event))


async def test_a_stuck_task_is_named_down_to_the_await_it_is_stuck_in() -> None:
    event = asyncio.Event()
    task = asyncio.create_task(gathers(event), name="the stuck one")
    for _ in range(3):
        await asyncio.sleep(0)
    text = describe_tasks(asyncio.get_running_loop())
    event.set()
    await task
    assert text.startswith("asyncio: 0 timers pending")  # nothing would ever wake it
    stuck = text.split("task 'the stuck one':\n", 1)[1].splitlines()
    assert stuck[0].endswith(" in gathers")
    assert stuck[1].startswith("  waits on <_GatheringFuture pending")
    assert "gathering <Task pending" in stuck[2] and "waits_for_an_event()" in stuck[2]
    inner = [line for line in text.splitlines() if line.endswith(" in waits_for_an_event")]
    assert len(inner) == 1  # the gathered task's own chain, listed as a task of its own


async def test_a_sleeping_task_shows_its_timer() -> None:
    task = asyncio.create_task(asyncio.sleep(30), name="a nap")
    await asyncio.sleep(0)
    text = describe_tasks(asyncio.get_running_loop())
    task.cancel()
    assert text.startswith("asyncio: 1 timers pending")
    assert "task 'a nap':" in text and " in sleep" in text
