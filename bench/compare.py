#!/usr/bin/env python
"""Uncached requests/s of this checkout against another, measured turn about in one sitting.

    git worktree add /tmp/baseline 2389cb8 && ln -s "$PWD/.venv" /tmp/baseline/.venv
    .venv/bin/python bench/compare.py --baseline /tmp/baseline --baseline-database iurc_base_small

This machine's speed drifts by a third within minutes, so one run of each checkout after the
other can show a change that is not there. Here each round serves every page from both
checkouts in turn (gunicorn, production settings, page cache off, as bench/run.py does), and the
summary is the median over the rounds of this checkout's req/s divided by the baseline's. Each
checkout reads its own database (an older commit needs its own schema: build it with that
commit's bench/run.py) and serves its own static files (run collectstatic in each first).
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from bench.run import Server, environment, fetch, page_paths, wrk  # noqa: E402

PAGES = ("home", "news listing", "article", "city")


def serve(checkout, database):
    env = environment(database, PAGE_CACHE_ENABLED="0")
    env["STATIC_ROOT"] = str(Path(checkout) / "bench" / ".static")
    return Server(env, checkout=checkout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="the other checkout (with .venv)")
    parser.add_argument("--baseline-database", required=True)
    parser.add_argument("--database", default="iurc_bench_small")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    args = parser.parse_args()
    # This checkout's pages; the other database holds the same slugs (same generator, same seed).
    every = page_paths(environment(args.database))
    paths = {name: every[name] for name in args.pages.split(",")}
    checkouts = {"baseline": (args.baseline, args.baseline_database), "this": (str(BASE_DIR), args.database)}
    rates = {label: {name: [] for name in paths} for label in checkouts}
    for round_number in range(args.rounds):
        # Alternate who goes first, so a drift in the machine's speed favours neither.
        order = list(checkouts) if round_number % 2 == 0 else list(reversed(checkouts))
        for label in order:
            with serve(*checkouts[label]):
                for path in paths.values():
                    fetch(path)  # warm: each worker's first request imports and compiles templates
                    fetch(path)
                for name, path in paths.items():
                    rates[label][name].append(wrk(path, args.seconds)["rps"])
        last = {label: {name: found[-1] for name, found in pages.items()} for label, pages in rates.items()}
        print(json.dumps(last), flush=True)
    print("\n| page | baseline req/s | this req/s | this / baseline (median of rounds) |")
    print("| --- | --- | --- | --- |")
    for name in paths:
        ratios = [
            mine / theirs for mine, theirs in zip(rates["this"][name], rates["baseline"][name], strict=True)
        ]
        print(
            f"| {name} | {statistics.median(rates['baseline'][name])} | {statistics.median(rates['this'][name])} | "
            f"{statistics.median(ratios):.2f}x |"
        )


if __name__ == "__main__":
    main()
