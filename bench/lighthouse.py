#!/usr/bin/env python
"""Lighthouse (mobile, default throttling) on one page of every type, on the production stack.

    .venv/bin/python bench/lighthouse.py            # fresh database with the demo content, then measure
    .venv/bin/python bench/lighthouse.py --reuse    # measure again on the existing database
    .venv/bin/python bench/lighthouse.py --runs 3   # the median of three runs per page

Production settings (DEBUG off), PostgreSQL, Redis, gunicorn (2 workers, 4 threads) and WhiteNoise for
static files; uploaded images are served next to the app as a media server would
(bench/lighthouse_wsgi.py). Each page is requested once first, so the page cache is warm and
the image renditions exist, as on a live site. Lighthouse 12.2.3 runs through npx with Debian's
Chromium (CHROME_PATH). The reports and a summary go to bench/results/lighthouse-<time>/, and a
Markdown table is printed for bench/README.md.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from bench.run import environment as bench_environment  # noqa: E402

PY = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
RESULTS = BASE_DIR / "bench" / "results"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("LIGHTHOUSE_DATABASE", "iurc_lighthouse")
PORT = int(os.environ.get("BENCH_PORT", "8310"))
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LIGHTHOUSE = ["npx", "--yes", "lighthouse@12.2.3"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# One page of each type in the demo content (the same list as tests/browser/test_layout.py).
PAGES = {
    "home": "/",
    "standard page": "/about/",
    "programme": "/iurc/",
    "programme strand": "/iuc/iuc-asia/",
    "region index": "/regions/",
    "region": "/regions/china/",
    "city index": "/cities/",
    "city": "/cities/rotterdam/",
    "pairing directory": "/pairings/",
    "pairing": "/pairings/rotterdam-surat/",
    "news index": "/news/",
    "news article": "/news/circular-economy-in-cities/",
    "event index": "/events/",
    "event": "/events/iurc-online-info-session/",
    "newsletter sign-up": "/newsletter/",
    "search results": "/search/?q=cooperation",
}


def environment():
    """bench/run.py's production environment, on this script's database, port and media folder."""
    return bench_environment(
        DATABASE,
        CACHE_KEY_PREFIX=f"lighthouse-{DATABASE}",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{PORT}",
        MEDIA_ROOT=str(BASE_DIR / "bench" / ".media-lighthouse"),
        # Threads, as behind no reverse proxy Chromium's idle speculative connections would each
        # hold a sync worker until its timeout ("WORKER TIMEOUT ... no URI read").
        GUNICORN_THREADS="4",
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
    )


def run(*command, env=None):
    subprocess.run(command, env=env, cwd=BASE_DIR, check=True)


def prepare(env, reuse):
    exists = subprocess.run(
        ["psql", f"{PG_SERVER}/postgres", "-tAc", f"select 1 from pg_database where datname='{DATABASE}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not (reuse and exists):
        run("psql", f"{PG_SERVER}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{DATABASE}"')
        run("psql", f"{PG_SERVER}/postgres", "-qc", f'CREATE DATABASE "{DATABASE}"')
    run(PY, "manage.py", "migrate", "--no-input", "-v0", env=env)
    if not (reuse and exists):
        run(PY, "manage.py", "load_demo_content", "-v0", env=env)
    run(PY, "manage.py", "collectstatic", "--no-input", "-v0", env=env)


def wait_for(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn stopped; run it by hand to see why")
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 - our own http://127.0.0.1 address
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {seconds} s")


def lighthouse(url, report_path, cpu_multiplier=None):
    command = [
        *LIGHTHOUSE,
        url,
        "--output=json",
        f"--output-path={report_path}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    if cpu_multiplier is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={cpu_multiplier}")
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, check=True)
    report = json.loads(Path(report_path).read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    scores["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["tbt_ms"] = audits["total-blocking-time"]["numericValue"]
    scores["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    # Lighthouse's own measure of this machine's CPU speed; under about 1000 (a busy or slow
    # machine) its simulated mobile CPU is slower still, and blocking time grows with it.
    scores["benchmark_index"] = report["environment"]["benchmarkIndex"]
    scores["failed"] = sorted(
        audit_id
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and (audits[audit_id].get("score") or 0) < 0.9
        and audits[audit_id].get("scoreDisplayMode") in ("binary", "numeric")
    )
    return scores


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reuse", action="store_true", help="keep the existing database")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is reported")
    parser.add_argument(
        "--cpu-multiplier",
        type=float,
        help="Lighthouse's CPU slowdown instead of its default 4 (for a machine much slower than a "
        "desktop, as Lighthouse's docs advise; not the default throttling the scores are judged by)",
    )
    parser.add_argument("pages", nargs="*", help="only these paths (default: one page of every type)")
    args = parser.parse_args()
    pages = {path: path for path in args.pages} if args.pages else PAGES

    env = environment()
    prepare(env, args.reuse)
    base = f"http://127.0.0.1:{PORT}"
    server = subprocess.Popen(
        [GUNICORN, "--config", "gunicorn.conf.py", "bench.lighthouse_wsgi:application"], env=env, cwd=BASE_DIR
    )
    results = {}
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    reports = RESULTS / f"lighthouse-{stamp}"
    reports.mkdir(parents=True, exist_ok=True)
    try:
        wait_for(base + "/robots.txt", server)
        for path in pages.values():  # warm the page cache and make the image renditions
            urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310 - http://127.0.0.1
        for name, path in pages.items():
            slug = "".join(char if char.isalnum() else "-" for char in name).strip("-") or "home"
            runs = [
                lighthouse(base + path, reports / f"{slug}-{run}.json", args.cpu_multiplier)
                for run in range(args.runs)
            ]
            middle = sorted(runs, key=lambda scores: scores["performance"])[len(runs) // 2]
            middle["performance_runs"] = [scores["performance"] for scores in runs]
            results[name] = {"path": path, **middle}
            print(f"{name}: {json.dumps(results[name])}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)

    (reports / "summary.json").write_text(json.dumps(results, indent=2))
    print(
        "\n| page type | path | performance | accessibility | best practices | SEO | CLS | TBT ms | benchmarkIndex |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, scores in results.items():
        print(
            f"| {name} | `{scores['path']}` | {scores['performance']} | {scores['accessibility']} | "
            f"{scores['best-practices']} | {scores['seo']} | {scores['cls']:.3f} | {scores['tbt_ms']:.0f} | "
            f"{scores['benchmark_index']:.0f} |"
        )
    print(
        f"\nmedian of {args.runs} run(s) per page; {statistics.mean(len(s['failed']) for s in results.values()):.1f} "
        "failing audits per page on average"
    )


if __name__ == "__main__":
    main()
