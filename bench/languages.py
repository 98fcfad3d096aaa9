#!/usr/bin/env python
"""Throughput with ten languages configured against an English-only checkout, same database.

    .venv/bin/python bench/languages.py --baseline /work/wt-old            # a checkout of the old commit
    .venv/bin/python bench/languages.py --baseline /work/wt-old --rounds 2 --seconds 5

Runs gunicorn (production settings, as bench/run.py) from each checkout in turn on the
benchmark's small database (bench/run.py --prepare-only builds it), and measures each English
page uncached and cached with wrk; this checkout also serves the translated home page and
article (Spanish, Chinese). Rounds alternate the checkouts, so the machine's drift falls on
both. Prints one JSON object: {checkout: {page: {"uncached": req/s, "cached": req/s}}}, the
median over the rounds.
"""

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from bench.run import Server, environment, fetch, log, psql, wrk  # noqa: E402

# Columns this checkout's migrations removed and the English-only commit still reads: its copy of
# the database gets them back (with the values the demo had), so both serve the same content.
BASELINE_COLUMNS = """
ALTER TABLE core_sitesettings
    ADD COLUMN IF NOT EXISTS organisation_name varchar(160) NOT NULL
        DEFAULT 'International Urban and Regional Cooperation',
    ADD COLUMN IF NOT EXISTS tagline varchar(200) NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS funding_statement text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS footer_links jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN IF NOT EXISTS programme_websites jsonb NOT NULL DEFAULT '[]';
UPDATE core_sitesettings SET (organisation_name, funding_statement, footer_links, programme_websites) = (
    SELECT organisation_name, funding_statement, footer_links, programme_websites
    FROM core_sitetext JOIN wagtailcore_locale ON wagtailcore_locale.id = core_sitetext.locale_id
    WHERE language_code = 'en'
);
"""


def baseline_copy(database):
    """A copy of `database` that the English-only commit can read."""
    copy = f"{database}_baseline"
    psql("postgres", f'DROP DATABASE IF EXISTS "{copy}"')
    psql("postgres", f'CREATE DATABASE "{copy}" TEMPLATE "{database}"')
    psql(copy, BASELINE_COLUMNS)
    return copy


def cache_prefix(database, translated):
    # Each checkout has its own cache keys: Wagtail keeps the site's root paths in the cache, and an
    # English-only checkout would leave a list without the translated home pages.
    return f"bench-{database}-{'languages' if translated else 'baseline'}"


def paths_for(checkout, database, translated):
    script = (
        "import json,django;django.setup();from bench.pages import benchmark_paths;"
        "paths=benchmark_paths();paths.pop('search (rare word)');"
    )
    if translated:
        script += (
            "from wagtail.models import Page;"
            "from iurc_portal.core.demo_translations import PAGES;"
            "article=Page.objects.get(url_path=PAGES['article-lac'],locale__language_code='en');"
            "paths['home (es)']='/es/';paths['home (zh-hans)']='/zh-hans/';"
            "paths['article (es)']=article.get_translation(article.locale.__class__.objects.get(language_code='es')).url;"
        )
    script += "print(json.dumps(paths))"
    env = environment(database, CACHE_KEY_PREFIX=cache_prefix(database, translated))
    output = subprocess.run(
        [str(BASE_DIR / ".venv" / "bin" / "python"), "-c", script],
        env=env,
        cwd=checkout,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def static_root(checkout, database):
    """Each checkout serves its own collected static files (their manifests differ)."""
    root = Path(checkout) / "bench" / ".static"
    env = environment(database, STATIC_ROOT=str(root))
    subprocess.run(
        [str(BASE_DIR / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--no-input", "-v0"],
        env=env,
        cwd=checkout,
        check=True,
    )
    return str(root)


def measure(checkout, database, seconds, translated):
    paths = paths_for(checkout, database, translated)
    found = {}
    prefix = cache_prefix(database, translated)
    static = static_root(checkout, database)
    for cached in ("0", "1"):
        env = environment(database, PAGE_CACHE_ENABLED=cached, CACHE_KEY_PREFIX=prefix, STATIC_ROOT=static)
        with Server(env, checkout):
            for path in paths.values():
                fetch(path)
            for name, path in paths.items():
                result = wrk(path, seconds)
                if result["bad_responses"]:
                    raise SystemExit(f"{checkout}: {path} answered errors")
                found.setdefault(name, {})["cached" if cached == "1" else "uncached"] = result["rps"]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="a checkout of the English-only commit")
    parser.add_argument("--database", default="iurc_bench_small")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    runs = {"baseline": [], "languages": []}
    databases = {"baseline": baseline_copy(args.database), "languages": args.database}
    for round_number in range(1, args.rounds + 1):
        for name, checkout, translated in (
            ("baseline", Path(args.baseline), False),
            ("languages", BASE_DIR, True),
        ):
            log(f"round {round_number}: {name} ({checkout})")
            runs[name].append(measure(checkout, databases[name], args.seconds, translated))
    result = {}
    for name, measured in runs.items():
        result[name] = {
            page: {
                kind: statistics.median(run[page][kind] for run in measured)
                for kind in ("uncached", "cached")
            }
            for page in measured[0]
        }
    english = [page for page in result["baseline"] if page in result["languages"]]
    result["ratio (languages / baseline)"] = {
        page: {
            kind: round(result["languages"][page][kind] / result["baseline"][page][kind], 2)
            for kind in ("uncached", "cached")
        }
        for page in english
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
