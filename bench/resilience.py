#!/usr/bin/env python
"""Resilience checks on the production stack (gunicorn, PostgreSQL, Redis), scripted.

    .venv/bin/python bench/resilience.py postgres   # restart PostgreSQL under sign-up load
    .venv/bin/python bench/resilience.py smtp       # sign up while SMTP is down, then bring it up

postgres: a client signs up distinct addresses for --seconds while PostgreSQL is restarted in
    the middle. The site must answer again by itself (health-checked connections, no app
    restart) and every sign-up that was accepted (302) must be in the database exactly once.
smtp: the email worker runs against an SMTP port where nothing listens; sign-ups are still
    stored and their emails rescheduled; then a real SMTP server (aiosmtpd) starts on that port
    and the retried emails arrive.
Both use the database iurc_bench_small (made by bench/run.py; migrated here) and print a summary.
"""

import argparse
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.run import (
    BASE_DIR,
    PORT,
    PY,
    Server,
    clear_email_queue,
    environment,
    manage,
    newsletter_form,
    psql,
)

DATABASE = "iurc_bench_small"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def form_session():
    jar = CookieJar()
    # Redirects are not followed: a 302 is the "thank you" for an accepted sign-up.
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    return opener, newsletter_form(opener)


def migrate():
    manage(
        environment(DATABASE, DJANGO_SETTINGS_MODULE="iurc_portal.settings.dev"),
        "migrate",
        "--no-input",
        "-v0",
    )


def sign_up(opener, fields, email):
    body = urllib.parse.urlencode({**fields, "email": email}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}/newsletter/subscribe/", data=body)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def check_postgres(seconds):
    migrate()
    run = time.strftime("%H%M%S")
    results = []  # (time, email, status)
    with Server(environment(DATABASE, PAGE_CACHE_ENABLED="0")):
        opener, fields = form_session()
        stop = time.monotonic() + seconds
        restart_at = time.monotonic() + seconds / 3

        def restart():
            time.sleep(max(0, restart_at - time.monotonic()))
            version = sorted(Path("/etc/postgresql").iterdir(), key=lambda p: int(p.name))[-1].name
            print(f"Restarting PostgreSQL {version} at t={seconds / 3:.0f}s", flush=True)
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True
            )
            print("PostgreSQL is back", flush=True)

        restarter = threading.Thread(target=restart)
        restarter.start()
        number = 0
        started = time.monotonic()
        while time.monotonic() < stop:
            number += 1
            email = f"resilience-{run}-{number}@example.org"
            results.append((round(time.monotonic() - started, 2), email, sign_up(opener, fields, email)))
        restarter.join()

    accepted = [email for _t, email, status in results if status == 302]
    failed = [(t, status) for t, _email, status in results if status != 302]
    stored = set(
        psql(
            DATABASE, f"select email from newsletter_subscriber where email like 'resilience-{run}-%'"
        ).split()
    )
    lost = [email for email in accepted if email not in stored]
    last_failure = max((t for t, _s in failed), default=None)
    recovered_after = [status for t, _e, status in results if last_failure is not None and t > last_failure]
    summary = {
        "requests": len(results),
        "accepted": len(accepted),
        "failed_during_restart": len(failed),
        "failure_window_s": [min((t for t, _s in failed), default=None), last_failure],
        "accepted_after_last_failure": sum(1 for s in recovered_after if s == 302),
        "stored": len(stored),
        "lost": len(lost),
        "stored_but_not_acknowledged": len(stored - set(accepted)),
    }
    print(json.dumps(summary, indent=2))
    return not lost and summary["accepted_after_last_failure"] > 0


def check_smtp(seconds):
    from aiosmtpd.controller import Controller

    smtp_port = PORT + 25
    env = environment(
        DATABASE,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="2",
        NEWSLETTER_EMAIL_RETRY_DELAYS="3,3,3,3,3",
        PAGE_CACHE_ENABLED="0",
    )
    migrate()
    # Emails queued by earlier benchmark runs (nobody ran a worker then) would be sent first and
    # hide this run's retries behind thousands of others: this check starts from an empty queue.
    clear_email_queue(DATABASE)
    run = time.strftime("%H%M%S")
    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # aiosmtpd's API
            # Older queued emails in this database may be delivered too; count this run's only.
            received.extend(to for to in envelope.rcpt_tos if to.startswith(f"smtp-{run}-"))
            return "250 OK"

    worker = subprocess.Popen(
        [PY, "manage.py", "db_worker", "--backend", "email", "--no-reload", "--interval", "0.5"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with Server(env):
            opener, fields = form_session()
            statuses = [sign_up(opener, fields, f"smtp-{run}-{n}@example.org") for n in range(5)]
            print(f"Sign-ups while SMTP is down: {statuses}", flush=True)
            time.sleep(5)
            stored = int(
                psql(DATABASE, f"select count(*) from newsletter_subscriber where email like 'smtp-{run}-%'")
            )
            print(f"Stored: {stored}; emails received while SMTP is down: {len(received)}")
            controller = Controller(Handler(), hostname="127.0.0.1", port=smtp_port)
            controller.start()
            print("SMTP server is up", flush=True)
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and len(received) < len(statuses):
                time.sleep(0.5)
            controller.stop()
    finally:
        worker.terminate()
        worker.wait(timeout=20)
    summary = {
        "signups_accepted": statuses.count(302),
        "stored": stored,
        "emails_delivered_after_smtp_came_back": len(set(received)),
    }
    print(json.dumps(summary, indent=2))
    return (
        statuses == [302] * len(statuses) and stored == len(statuses) and len(set(received)) == len(statuses)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=["postgres", "smtp"])
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    ok = check_postgres(args.seconds) if args.check == "postgres" else check_smtp(args.seconds)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
