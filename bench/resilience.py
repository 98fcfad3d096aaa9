#!/usr/bin/env python
"""Resilience checks on the production stack (gunicorn, PostgreSQL, Redis), scripted.

    .venv/bin/python bench/resilience.py postgres   # restart PostgreSQL under sign-up load
    .venv/bin/python bench/resilience.py smtp       # sign up while SMTP is down, then bring it up
    .venv/bin/python bench/resilience.py redis-full # sign up and browse while Redis is at its limit
    .venv/bin/python bench/resilience.py nginx      # reload, then restart nginx under sign-up load

postgres: a client signs up distinct addresses for --seconds while PostgreSQL is restarted in
    the middle. The site must answer again by itself (health-checked connections, no app
    restart) and every sign-up that was accepted (302) must be in the database exactly once.
smtp: the email worker runs against an SMTP port where nothing listens; sign-ups are still
    stored and their emails rescheduled; then a real SMTP server (aiosmtpd) starts on that port
    and the retried emails arrive.
redis-full: a Redis of its own with deploy/redis.conf and a tiny maxmemory, kept full by a
    writer of junk keys, under sign-ups and page views: no 5xx, every accepted sign-up stored,
    Redis evicting (allkeys-lru) rather than refusing writes.
nginx: sign-ups over HTTPS through nginx (deploy/nginx) while nginx is reloaded (graceful: no
    failed request) and then stopped and started (connections refused for the gap, which the
    client retries as a person would); every accepted sign-up is stored exactly once.
All use the database iurc_bench_small (made by bench/run.py; migrated here) and print a summary.
"""

import argparse
import json
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
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


def collectstatic():
    manage(environment(DATABASE), "collectstatic", "--no-input", "-v0")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stored_count(prefix):
    return int(psql(DATABASE, f"select count(*) from newsletter_subscriber where email like '{prefix}%'"))


def check_redis_full(seconds):
    import redis

    migrate()
    work = Path(tempfile.mkdtemp(prefix="iurc-bench-redis-"))
    collectstatic()
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", str(BASE_DIR / "deploy" / "redis.conf"), "--port", str(port), "--dir", str(work)]
        + ["--maxmemory", "4mb", "--logfile", str(work / "redis.log")]
    )
    client = redis.Redis(port=port)
    for _ in range(40):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.25)
    stop_filling = threading.Event()

    def fill():
        # Someone else's keys (or a flood of them) keep the memory at its limit throughout.
        number = 0
        while not stop_filling.is_set():
            pipe = client.pipeline(transaction=False)
            for _ in range(200):
                number += 1
                pipe.set(f"junk:{number}", "x" * 2000)
            pipe.execute()

    filler = threading.Thread(target=fill)
    run = time.strftime("%H%M%S")
    results, page_statuses = [], []
    env = environment(DATABASE, REDIS_URL=f"redis://127.0.0.1:{port}/0", CACHE_KEY_PREFIX=f"full-{run}")
    try:
        filler.start()
        time.sleep(2)
        info = client.info("memory")
        print(
            f"Redis at {info['used_memory_human']} of {info['maxmemory_human']} before the load", flush=True
        )
        with Server(env):
            opener, fields = form_session()
            stop = time.monotonic() + seconds
            number = 0
            while time.monotonic() < stop:
                number += 1
                email = f"redisfull-{run}-{number}@example.org"
                results.append(sign_up(opener, fields, email))
                for path in ("/", "/news/", "/events/"):
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10) as response:
                            page_statuses.append(response.status)
                    except urllib.error.HTTPError as error:
                        page_statuses.append(error.code)
                    except OSError:
                        page_statuses.append(0)
        stats = client.info("stats")
        memory = client.info("memory")
    finally:
        stop_filling.set()
        filler.join()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    summary = {
        "signups": len(results),
        "accepted": results.count(302),
        "stored": stored_count(f"redisfull-{run}-"),
        "sign_up_errors": sum(1 for status in results if status != 302),
        "page_views": len(page_statuses),
        "page_errors": sum(1 for status in page_statuses if status != 200),
        "redis_used_memory": memory["used_memory_human"],
        "redis_maxmemory": memory["maxmemory_human"],
        "redis_policy": memory["maxmemory_policy"],
        "redis_evicted_keys": stats["evicted_keys"],
    }
    print(json.dumps(summary, indent=2))
    return (
        summary["sign_up_errors"] == 0
        and summary["page_errors"] == 0
        and summary["stored"] == summary["accepted"]
        and summary["redis_evicted_keys"] > 0
    )


def check_nginx(seconds):
    migrate()
    work = Path(tempfile.mkdtemp(prefix="iurc-bench-nginx-"))
    (work / "tls").mkdir()
    collectstatic()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", str(work / "tls/key.pem"), "-out", str(work / "tls/cert.pem")],
        check=True,
        capture_output=True,
    )
    https_port = free_port()
    env = environment(
        DATABASE, TRUSTED_PROXY_COUNT="1", CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{https_port}"
    )
    run_dir = work / "nginx"
    subprocess.run(
        [str(BASE_DIR / "deploy/nginx/render.sh"), str(run_dir)],
        env={
            **env,
            "APP_ADDRESS": f"127.0.0.1:{PORT}",
            "HTTP_LISTEN": f"127.0.0.1:{free_port()}",
            "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "TLS_CERTIFICATE": str(work / "tls/cert.pem"),
            "TLS_KEY": str(work / "tls/key.pem"),
            "HSTS_SECONDS": "0",
        },
        check=True,
    )
    nginx = ["nginx", "-p", str(run_dir), "-c", str(run_dir / "nginx.conf")]
    nginx += ["-e", str(run_dir / "nginx-error.log")]
    base = f"https://127.0.0.1:{https_port}"
    context = ssl.create_default_context(cafile=str(work / "tls/cert.pem"))
    jar = CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), urllib.request.HTTPSHandler(context=context), NoRedirect()
    )

    def post(email, fields):
        body = urllib.parse.urlencode({**fields, "email": email}).encode()
        request = urllib.request.Request(
            f"https://127.0.0.1:{https_port}/newsletter/subscribe/",
            data=body,
            headers={"Referer": f"{base}/newsletter/"},
        )
        try:
            with opener.open(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    run = time.strftime("%H%M%S")
    events, attempts = [], []  # (t, what); (t, email, status)
    with Server(env):
        subprocess.run(nginx, check=True)  # daemonised; stopped with -s quit below
        try:
            for _ in range(40):
                try:
                    html = opener.open(f"{base}/newsletter/", timeout=5).read().decode()
                    break
                except OSError:
                    time.sleep(0.25)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            fields = {
                "csrfmiddlewaretoken": token,
                "nl_ts": re.search(r'name="nl_ts" value="([^"]*)"', html).group(1),
                "consent": "on",
                "source": "/",
                "nl_hp": "",
            }
            time.sleep(2.5)
            started = time.monotonic()

            def operate():
                time.sleep(seconds / 3)
                events.append((round(time.monotonic() - started, 2), "reload"))
                subprocess.run([*nginx, "-s", "reload"], check=True)
                time.sleep(seconds / 3)
                events.append((round(time.monotonic() - started, 2), "stop"))
                subprocess.run([*nginx, "-s", "quit"], check=True)
                time.sleep(1)
                subprocess.run(nginx, check=True)
                events.append((round(time.monotonic() - started, 2), "started"))

            operator = threading.Thread(target=operate)
            operator.start()
            number = 0
            while time.monotonic() - started < seconds:
                number += 1
                email = f"nginx-{run}-{number}@example.org"
                # A refused connection is tried again, as a person presses "send" again.
                for _try in range(20):
                    status = post(email, fields)
                    attempts.append((round(time.monotonic() - started, 2), email, status))
                    if status != 0:
                        break
                    time.sleep(0.25)
            operator.join()
        finally:
            subprocess.run([*nginx, "-s", "quit"], check=False)
    shutil.rmtree(work, ignore_errors=True)
    reload_at, stop_at = events[0][0], events[1][0]
    accepted = {email for _t, email, status in attempts if status == 302}
    summary = {
        "events": events,
        "sign_ups": len({email for _t, email, _s in attempts}),
        "accepted": len(accepted),
        "stored": stored_count(f"nginx-{run}-"),
        "failed_around_reload": sum(1 for t, _e, s in attempts if s != 302 and reload_at - 1 <= t < stop_at),
        "refused_during_restart": sum(1 for t, _e, s in attempts if s == 0 and t >= stop_at),
        "other_failures": sum(1 for _t, _e, s in attempts if s not in (0, 302)),
    }
    print(json.dumps(summary, indent=2))
    return (
        summary["failed_around_reload"] == 0
        and summary["other_failures"] == 0
        and summary["stored"] == summary["accepted"] == summary["sign_ups"]
    )


CHECKS = {
    "postgres": check_postgres,
    "smtp": check_smtp,
    "redis-full": check_redis_full,
    "nginx": check_nginx,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=sorted(CHECKS))
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    ok = CHECKS[args.check](args.seconds)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
