#!/usr/bin/env python
"""Milliseconds per uncached page, in-process, with the production settings.

    .venv/bin/python bench/render_time.py                      # iurc_bench_small, 50 requests a page
    .venv/bin/python bench/render_time.py --database iurc_bench_large --requests 30
    .venv/bin/python bench/render_time.py --cprofile article   # where one page's time goes

No server and no load generator: each page is requested through Django's test client after one
warm-up request (as a long-running worker sees it), with the page cache off, so the figure is
the work one uncached page costs. Redis and PostgreSQL are the benchmark's (bench/run.py).
Prints one JSON object {page: {"ms": mean, "queries": n}}; with --cprofile, the functions
that took the most time, by their own time and by cumulative time.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="iurc_bench_small")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--cprofile", metavar="PAGE", help="profile one page (a name from bench/pages.py)")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument(
        "--breakdown", action="store_true", help="per page: ms in routing, context, templates, SQL (profiled)"
    )
    args = parser.parse_args()

    from bench.run import environment

    os.environ.update(environment(args.database, PAGE_CACHE_ENABLED="0"))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import benchmark_paths

    client = Client(HTTP_HOST="127.0.0.1")
    paths = benchmark_paths()
    if args.cprofile:
        path = paths[args.cprofile]
        client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            client.get(path)
        profiler.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.top)
            print(out.getvalue())
        return
    if args.breakdown:
        for name, path in paths.items():
            print(name, json.dumps(breakdown(client, path, args.requests)))
        return
    results = {}
    for name, path in paths.items():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries = len(captured.captured_queries)  # read now: the next request clears the log
        started = time.perf_counter()
        for _ in range(args.requests):
            client.get(path)
        elapsed = time.perf_counter() - started
        results[name] = {"ms": round(1000 * elapsed / args.requests, 1), "queries": queries}
    print(json.dumps(results))


# Where a request's time goes, as cumulative profiled time (the parts overlap: SQL is spent
# inside context builders and template tags). Profiling slows everything about threefold.
BREAKDOWN = {
    "total": ("django/test/client.py", "request"),
    "routing": ("wagtail/models/pages.py", "route_for_request"),
    "page context": ("wagtail/models/pages.py", "serve"),  # TemplateResponse renders later
    "templates": ("django/template/response.py", "render"),
    "SQL building": ("django/db/models/sql/compiler.py", "as_sql"),
    "SQL on the server": ("~", "<method 'execute' of 'psycopg2.extensions.cursor' objects>"),
    "cache (Redis)": ("redis/client.py", "execute_command"),
}


def breakdown(client, path, requests):
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    result = {}
    for label, (file_part, function) in BREAKDOWN.items():
        seconds = max(
            (
                cumulative
                for (file, _line, func), (_cc, _nc, _tt, cumulative, _callers) in stats.items()
                if func == function and file_part in file
            ),
            default=0.0,
        )
        result[label] = round(1000 * seconds / requests, 1)
    return result


if __name__ == "__main__":
    main()
