#!/usr/bin/env python
"""Benchmark the production stack: gunicorn (2 workers), PostgreSQL, Redis, whitenoise.

    .venv/bin/python bench/run.py                 # full run: 100 vs 10,000 articles (+1,000 cities)
    .venv/bin/python bench/run.py --quick         # a smoke run with small numbers

For each data size it builds a fresh PostgreSQL database (demo content + bench/generate.py),
counts SQL queries per page (bench/queries.py), then serves the site with gunicorn and measures
requests/s and p50/p99 latency with wrk (Debian package `wrk`) on loopback:
  * every page uncached (PAGE_CACHE_ENABLED=0), then cached, next to a static file of the same
    size served by the same server (whitenoise), and
  * sign-ups/s (POST /newsletter/subscribe/ with distinct addresses), checking afterwards that
    every accepted sign-up is in the database exactly once.
Results go to bench/results/<time>.json and a Markdown summary is printed for bench/README.md.
Server and load generator share the machine's cores, so compare ratios from one run.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from http.cookiejar import CookieJar
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
PY = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
RESULTS = BASE_DIR / "bench" / "results"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/15")
PORT = int(os.environ.get("BENCH_PORT", "8300"))
# Databases are named <prefix><size>; another prefix measures another checkout on a copy.
DATABASE_PREFIX = os.environ.get("BENCH_DATABASE_PREFIX", "iurc_bench_")


def log(message):
    print(message, flush=True)


def psql(database, sql):
    result = subprocess.run(
        ["psql", f"{PG_SERVER}/{database}", "-v", "ON_ERROR_STOP=1", "-tAc", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def environment(database, **extra):
    static_root = BASE_DIR / "bench" / ".static"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iurc_portal.settings.production",
        "DATABASE_URL": f"{PG_SERVER}/{database}",
        "REDIS_URL": REDIS_URL,
        # The two databases' pages share ids: separate cache keys, or one size's cached maps,
        # counts and menus would be served while measuring the other.
        "CACHE_KEY_PREFIX": f"bench-{database}",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{PORT}",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(BASE_DIR / "bench" / ".media"),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
        "LOG_LEVEL": "ERROR",
        # One client address sends every request: the per-IP sign-up limit would stop the test.
        "NEWSLETTER_IP_LIMIT": "1000000000",
    }
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run([PY, str(BASE_DIR / "manage.py"), *args], env=env, cwd=BASE_DIR, check=True)


def article_count(database):
    try:
        return int(psql(database, "select count(*) from news_newsarticlepage"))
    except subprocess.CalledProcessError:
        return None


def prepare(database, articles, cities, pairings, activities, resources, reuse=False):
    env = environment(database, DJANGO_SETTINGS_MODULE="iurc_portal.settings.dev")
    env.pop("STATIC_ROOT")
    existing = article_count(database) if reuse else None
    if existing is not None and existing >= articles:
        log(f"\n## Reusing {database} ({existing} articles); migrating it")
        manage(env, "migrate", "--no-input", "-v0")
    else:
        log(f"\n## Preparing {database}: {articles} articles, {cities} cities, {pairings} pairings")
        psql("postgres", f'DROP DATABASE IF EXISTS "{database}"')
        psql("postgres", f'CREATE DATABASE "{database}"')
        manage(env, "migrate", "--no-input", "-v0")
        generate = ["--articles", str(articles), "--cities", str(cities), "--pairings", str(pairings)]
        generate += ["--activities", str(activities), "--resources", str(resources)]
        subprocess.run([PY, "bench/generate.py", *generate], env=env, cwd=BASE_DIR, check=True)
    # Dead rows cleared and fresh planner statistics, as autovacuum leaves a live site after a
    # bulk load (rebuilding the search index replaces every entry: 2 dead rows per live one).
    psql(database, "VACUUM (ANALYZE)")
    manage(environment(database), "collectstatic", "--no-input", "-v0")
    counts = subprocess.run(
        [PY, "bench/queries.py"], env=env, cwd=BASE_DIR, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(counts.strip().splitlines()[-1])


class Server:
    """gunicorn serving `checkout` (this one by default; bench/languages.py runs another commit's)."""

    def __init__(self, env, checkout=BASE_DIR):
        self.env = env
        self.checkout = checkout
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [GUNICORN, "--config", "gunicorn.conf.py"], env=self.env, cwd=self.checkout
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/robots.txt", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(path, seconds, connections=8, script=None, env=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{PORT}{path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return round(float(match.group(1)) * UNITS[match.group(2)], 2)

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), 1),
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "bad_responses": int(errors.group(1)) if errors else 0,
    }


def fetch(path, opener=None):
    opener = opener or urllib.request.build_opener()
    with opener.open(f"http://127.0.0.1:{PORT}{path}", timeout=10) as response:
        return response.read()


def page_paths(env):
    """bench/pages.py's pages on the database `env` names (read in a process of its own, with
    that environment's settings)."""
    code = "import json,django;django.setup();from bench.pages import benchmark_paths;print(json.dumps(benchmark_paths()))"
    output = subprocess.run(
        [PY, "-c", code], env=env, cwd=BASE_DIR, check=True, capture_output=True, text=True
    )
    return json.loads(output.stdout)


def measure_pages(paths, seconds):
    return {name: wrk(path, seconds) for name, path in paths.items()}


def newsletter_form(opener):
    """The sign-up form's fields (CSRF token, signed form time, consent), ready to post once
    the form's time trap has passed (it refuses posts sooner than 2 s after the form was shown)."""
    html = fetch("/newsletter/", opener).decode()
    fields = {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
        "nl_ts": re.search(r'name="nl_ts" value="([^"]*)"', html).group(1),
        "consent": "on",
        "source": "/",
        "nl_hp": "",
    }
    time.sleep(2.5)
    return fields


def clear_email_queue(database):
    """Drop queued emails: those for the benchmark's made-up addresses are never to be sent."""
    psql(database, "DELETE FROM django_tasks_database_dbtaskresult WHERE status = 'READY'")


def measure_signups(database, seconds):
    """POST sign-ups with distinct addresses; then check each accepted one is stored once."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    fields = newsletter_form(opener)
    token, form_time = fields["csrfmiddlewaretoken"], fields["nl_ts"]
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    run_id = datetime.now(UTC).strftime("%H%M%S")
    before = int(psql(database, "select count(*) from newsletter_subscriber"))
    env = {
        **os.environ,
        "BENCH_TOKEN": token,
        "BENCH_COOKIE": cookie,
        "BENCH_TS": form_time,
        "BENCH_RUN": run_id,
    }
    result = wrk("/newsletter/subscribe/", seconds, script=str(BASE_DIR / "bench" / "signup.lua"), env=env)
    time.sleep(1)  # let requests still in flight when wrk stopped finish
    stored = int(
        psql(database, f"select count(*) from newsletter_subscriber where email like 'bench-{run_id}-%'")
    )
    distinct = int(
        psql(
            database,
            f"select count(distinct email_normalized) from newsletter_subscriber where email like 'bench-{run_id}-%'",
        )
    )
    after = int(psql(database, "select count(*) from newsletter_subscriber"))
    clear_email_queue(database)
    accepted = result["requests"] - result["bad_responses"]
    result.update(
        accepted=accepted,
        stored=stored,
        duplicates=stored - distinct,
        lost=max(0, accepted - stored),
        rows_added=after - before,
    )
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data and short runs")
    parser.add_argument("--seconds", type=int, default=None)
    parser.add_argument("--reuse", action="store_true", help="keep databases that already hold the data")
    parser.add_argument("--prepare-only", action="store_true", help="build the databases and stop")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    seconds = args.seconds or (3 if args.quick else 10)
    # (label, articles, cities, pairings, activities, resources)
    sizes = [("small", 100, 50, 25, 100, 50), ("large", 10_000, 1_000, 500, 10_000, 5_000)]
    if args.quick:
        sizes = [("small", 20, 10, 5, 20, 10), ("large", 200, 50, 20, 200, 100)]

    results = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "seconds": seconds, "sizes": {}}
    for label, articles, cities, pairings, activities, resources in sizes:
        database = f"{DATABASE_PREFIX}{label}"
        queries = prepare(database, articles, cities, pairings, activities, resources, reuse=args.reuse)
        if args.prepare_only:
            continue
        env = environment(database)
        # Start each size from an empty cache (Redis db of the benchmark only).
        manage(env, "shell", "-v0", "-c", "from django.core.cache import cache; cache.clear()")
        entry = {
            "articles": articles,
            "cities": cities,
            "pairings": pairings,
            "activities": activities,
            "resources": resources,
            "queries": queries,
        }
        paths = page_paths(env)
        log(f"Queries per page: {queries}")
        with Server(environment(database, PAGE_CACHE_ENABLED="0")):
            for path in paths.values():
                fetch(path)
            entry["uncached"] = measure_pages(paths, seconds)
            entry["signups"] = measure_signups(database, seconds)
        static_root = Path(env["STATIC_ROOT"])
        with Server(environment(database, PAGE_CACHE_ENABLED="1")):
            home_size = len(fetch("/"))
        # A static file as large as the home page, served by the same stack, for comparison.
        (static_root / "bench-same-size.html").write_bytes(b"x" * home_size)
        with Server(environment(database, PAGE_CACHE_ENABLED="1")):
            for path in paths.values():
                fetch(path)
            entry["cached"] = measure_pages(paths, seconds)
            entry["static_same_size"] = wrk("/static/bench-same-size.html", seconds)
        entry["home_bytes"] = home_size
        results["sizes"][label] = entry
        log(json.dumps(entry, indent=2))

    if args.prepare_only:
        return
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2))
    log(f"\nWrote {out}\n")
    log(summary(results))


def summary(results):
    small, large = results["sizes"]["small"], results["sizes"]["large"]
    lines = [
        f"| page | queries ({small['articles']} / {large['articles']} articles) | uncached req/s | "
        "uncached p50 / p99 ms | cached req/s | cached p50 / p99 ms |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name in large["queries"]:
        u, c = large["uncached"][name], large["cached"][name]
        lines.append(
            f"| {name} | {small['queries'][name]} / {large['queries'][name]} | {u['rps']} | "
            f"{u['p50_ms']} / {u['p99_ms']} | {c['rps']} | {c['p50_ms']} / {c['p99_ms']} |"
        )
    static = large["static_same_size"]
    lines += [
        "",
        f"Static file of the home page's size ({large['home_bytes']} bytes): {static['rps']} req/s "
        f"(cached home: {large['cached']['home']['rps']} req/s, "
        f"ratio {large['cached']['home']['rps'] / static['rps']:.2f}).",
    ]
    for name in ("news listing", "search", "activities listing", "resource library"):
        ratio = large["uncached"][name]["p50_ms"] / small["uncached"][name]["p50_ms"]
        lines.append(
            f"{name} p50 uncached: {small['uncached'][name]['p50_ms']} ms ({small['articles']} articles) vs "
            f"{large['uncached'][name]['p50_ms']} ms ({large['articles']} articles + {large['cities']} cities): "
            f"{ratio:.2f}x"
        )
    for label, size in results["sizes"].items():
        s = size["signups"]
        lines.append(
            f"Sign-ups ({label}): {s['rps']} /s, p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms; accepted "
            f"{s['accepted']}, stored {s['stored']}, duplicates {s['duplicates']}, lost {s['lost']}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
