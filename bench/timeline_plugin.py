"""Where a test run's time goes, per xdist worker: each test's wall clock and its process's CPU.

    rm -f bench/results/timeline-*.jsonl
    PYTHONPATH=bench make test PYTEST_ARGS="-p timeline_plugin"
    .venv/bin/python bench/timeline_plugin.py        # per worker: span, and modules by wall clock

Wall clock well above CPU means the test waited: on a subprocess (the browser suite's Chromium
and live server, the nginx stack) or on a core the other worker was using. "Machine" is the busy
core-seconds of the whole machine (/proc/stat) while the test ran: with one worker (`-n 0`) it is
the test's whole cost, subprocesses included. `time make test` misses part of it: Playwright does
not wait for its driver, so Chromium's CPU is never added to the parent's.
"""

import collections
import json
import os
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
_log = None


def _machine_busy():
    # Busy core-seconds since boot: every column of the cpu line but idle and iowait.
    try:
        with open("/proc/stat") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
    except OSError:
        return 0.0
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _write(event, nodeid):
    global _log
    if _log is None:
        RESULTS.mkdir(exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        _log = open(RESULTS / f"timeline-{worker}.jsonl", "a")  # noqa: SIM115 - open for the whole run
    _log.write(
        json.dumps(
            {
                "event": event,
                "id": nodeid,
                "t": time.time(),
                "cpu": time.process_time(),
                "machine": _machine_busy(),
            }
        )
        + "\n"
    )
    _log.flush()


def pytest_runtest_logstart(nodeid, location):
    _write("start", nodeid)


def pytest_runtest_logfinish(nodeid, location):
    _write("end", nodeid)


def summary(top=12):
    for path in sorted(RESULTS.glob("timeline-*.jsonl")):
        events = [json.loads(line) for line in path.open()]
        started, wall, cpu, machine = {}, collections.Counter(), collections.Counter(), collections.Counter()
        for event in events:
            if event["event"] == "start":
                started[event["id"]] = event
                continue
            begin = started[event["id"]]
            module = event["id"].split("::")[0]
            wall[module] += event["t"] - begin["t"]
            cpu[module] += event["cpu"] - begin["cpu"]
            machine[module] += event.get("machine", 0) - begin.get("machine", 0)
        print(f"{path.stem}: {len(started)} tests over {events[-1]['t'] - events[0]['t']:.0f} s")
        for module, seconds in wall.most_common(top):
            print(
                f"  {seconds:7.1f} s wall {cpu[module]:7.1f} s CPU {machine[module]:7.1f} s machine  {module}"
            )


if __name__ == "__main__":
    summary()
