#!/usr/bin/env python
"""Sign-up response time by address state: unknown, pending, confirmed, unsubscribed.

    .venv/bin/python bench/signup_timing.py [--rounds 60]

Against the production stack (gunicorn, PostgreSQL, Redis; the email queue in the database), on
the database iurc_bench_small (made by bench/run.py). Each round signs up one fresh address of each
state, in a shuffled order, and times the whole POST. The states must not be told apart by time:
the medians should differ by less than the spread within one state.
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.resilience import DATABASE, form_session, migrate, sign_up
from bench.run import Server, clear_email_queue, environment, manage, psql

STATES = ["unknown", "pending", "confirmed", "unsubscribed"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    migrate()
    manage(environment(DATABASE), "collectstatic", "--no-input", "-v0")
    run = time.strftime("%H%M%S")
    rows = [
        f"('timing-{run}-{state}-{n}@example.org', 'timing-{run}-{state}-{n}@example.org', '{state}')"
        for n in range(args.rounds)
        for state in STATES
        if state != "unknown"
    ]
    psql(
        DATABASE,
        "insert into newsletter_subscriber (email, email_normalized, status, token_hash, locale,"
        " created_at, updated_at) select e, n, s, '', 'en', now(), now() from (values "
        + ", ".join(rows)
        + ") as v(e, n, s)",
    )
    timings = {state: [] for state in STATES}
    with Server(environment(DATABASE, PAGE_CACHE_ENABLED="0")):
        opener, fields = form_session()
        for _ in range(3):  # warm up the workers
            sign_up(opener, fields, f"timing-{run}-warmup-{random.random()}@example.org")
        for n in range(args.rounds):
            for state in random.sample(STATES, len(STATES)):
                email = f"timing-{run}-{state}-{n}@example.org"
                started = time.perf_counter()
                status = sign_up(opener, fields, email)
                timings[state].append((time.perf_counter() - started) * 1000)
                assert status == 302, (state, status)
    clear_email_queue(DATABASE)
    summary = {
        state: {
            "median_ms": round(statistics.median(values), 2),
            "p10_ms": round(statistics.quantiles(values, n=10)[0], 2),
            "p90_ms": round(statistics.quantiles(values, n=10)[-1], 2),
        }
        for state, values in timings.items()
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
