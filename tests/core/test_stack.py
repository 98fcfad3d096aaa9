"""The stack as deployed: nginx (deploy/nginx, rendered by its own script) in front of gunicorn with
production settings, on loopback ports. Needs nginx (CI installs it: .ci/run)."""

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
if NGINX is None and os.environ.get("REQUIRE_NGINX"):
    raise RuntimeError("REQUIRE_NGINX is set (CI) but nginx is not installed")
pytestmark = pytest.mark.skipif(
    NGINX is None or shutil.which("openssl") is None,
    reason="nginx and openssl are not installed (apt-get install -y nginx-light openssl; CI installs them)",
)
IP_LIMIT = 3


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port, deadline_seconds=90):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing listens on port {port}")


# One process for the static files and the rows: each start of Django costs seconds.
SETUP = """
from django.core.management import call_command
from iurc_portal.core.factories import ImageFactory, make_site_with_home
call_command("collectstatic", interactive=False, verbosity=0)
make_site_with_home(title="Stack home")
image = ImageFactory(title="Uploaded")
print(image.file.url)
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory, migrated_sqlite_file):
    work = tmp_path_factory.mktemp("stack")
    shutil.copyfile(migrated_sqlite_file, work / "db.sqlite3")
    tls = work / "tls"
    tls.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", tls / "key.pem", "-out", tls / "cert.pem"],
        check=True,
        capture_output=True,
    )
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    env = {
        "PATH": "/usr/sbin:/usr/bin:/bin",
        "HOME": str(work),
        "DJANGO_SETTINGS_MODULE": "iurc_portal.settings.production",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "SECRET_KEY": "stack-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{https_port}",
        "SECURE_HSTS_SECONDS": "0",
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": "ERROR",
        "NEWSLETTER_IP_LIMIT": str(IP_LIMIT),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    python = sys.executable
    made = subprocess.run(
        [python, "manage.py", "shell", "-c", SETUP],
        env=env,
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    image_url = made.stdout.strip().splitlines()[-1]
    subprocess.run(
        [BASE_DIR / "deploy/nginx/render.sh", work / "nginx"],
        env={
            **env,
            "APP_ADDRESS": f"127.0.0.1:{app_port}",
            "HTTP_LISTEN": f"127.0.0.1:{http_port}",
            "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "TLS_CERTIFICATE": str(tls / "cert.pem"),
            "TLS_KEY": str(tls / "key.pem"),
            "MAX_BODY_SIZE": "1m",
            "HSTS_SECONDS": "0",
        },
        check=True,
    )
    run = work / "nginx"
    processes = [
        subprocess.Popen(
            [str(Path(python).with_name("gunicorn")), "--config", "gunicorn.conf.py"],
            env=env,
            cwd=BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=open(work / "gunicorn.log", "w"),  # noqa: SIM115
        ),
        subprocess.Popen(
            [NGINX, "-p", run, "-c", run / "nginx.conf", "-e", run / "nginx-error.log", "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=open(work / "nginx.log", "w"),  # noqa: SIM115
        ),
    ]
    try:
        for port in (app_port, https_port):
            wait_for(port)
        context = ssl.create_default_context(cafile=str(tls / "cert.pem"))
        yield {"https": https_port, "http": http_port, "tls": context, "image": image_url, "work": work}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def request(stack, method, path, body=None, headers=None, source="127.0.0.1"):
    connection = http.client.HTTPSConnection(
        "127.0.0.1", stack["https"], context=stack["tls"], timeout=30, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_a_page_is_served_over_verified_tls_and_plain_http_redirects(stack):
    status, headers, body = request(stack, "GET", "/")
    assert status == 200 and b"Stack home" in body
    assert headers["X-Content-Type-Options"] == "nosniff" and "Permissions-Policy" in headers

    plain = http.client.HTTPConnection("127.0.0.1", stack["http"], timeout=10)
    plain.request("GET", "/news/?page=2")
    redirect = plain.getresponse()
    assert redirect.status == 301
    assert redirect.headers["Location"] == f"https://127.0.0.1:{stack['https']}/news/?page=2"


def test_an_uploaded_image_is_served_from_media_and_can_run_nothing(stack):
    status, headers, body = request(stack, "GET", stack["image"])
    stored = (stack["work"] / "media" / stack["image"].removeprefix("/media/")).read_bytes()
    assert status == 200 and body == stored
    assert headers["Content-Type"].startswith("image/")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "max-age" in headers["Cache-Control"]


def test_uploaded_markup_is_a_download_and_folders_are_not_listed(stack):
    svg = stack["work"] / "media" / "original_images" / "drawing.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

    status, headers, _body = request(stack, "GET", "/media/original_images/drawing.svg")
    assert status == 200 and headers["Content-Disposition"] == "attachment"
    assert "sandbox" in headers["Content-Security-Policy"]

    status, headers, body = request(stack, "GET", "/media/original_images/")
    assert status in (403, 404) and b"drawing.svg" not in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    # Document files are served by Django with their privacy checks, never straight from disk.
    documents = stack["work"] / "media" / "documents"
    documents.mkdir(exist_ok=True)
    (documents / "private.pdf").write_bytes(b"%PDF-1.4 secret")
    assert request(stack, "GET", "/media/documents/private.pdf")[0] == 404


def test_a_static_file_is_served_with_a_long_cache(stack):
    _status, _headers, page = request(stack, "GET", "/")
    css = re.search(rb'/static/[^"]+\.css', page).group().decode()

    status, headers, body = request(stack, "GET", css, headers={"Accept-Encoding": "gzip"})

    assert status == 200 and body
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"


def csrf(stack, source):
    _status, headers, body = request(stack, "GET", "/admin/login/", source=source)
    cookie = SimpleCookie(headers["Set-Cookie"])["csrftoken"].value
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    return cookie, token


def sign_up(stack, source="127.0.0.1", forwarded_for=None):
    cookie, token = csrf(stack, source)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Origin": f"https://127.0.0.1:{stack['https']}",
    }
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "email": "someone@example.org"})
    return request(stack, "POST", "/newsletter/subscribe/", body=body, headers=headers, source=source)[0]


def test_the_rate_limit_counts_the_address_nginx_saw_not_one_the_client_claims(stack):
    statuses = [sign_up(stack, source="127.0.0.3") for _ in range(IP_LIMIT)]
    assert all(status == 302 for status in statuses)

    assert sign_up(stack, source="127.0.0.3") == 429
    # A forged X-Forwarded-For does not escape the limit...
    assert sign_up(stack, source="127.0.0.3", forwarded_for="198.51.100.1") == 429
    # ...and another client is not caught by it.
    assert sign_up(stack, source="127.0.0.4") == 302


def test_an_oversized_body_is_refused_by_nginx_with_the_security_headers(stack):
    status, headers, _body = request(
        stack,
        "POST",
        "/newsletter/subscribe/",
        body=b"x" * (2 * 1024 * 1024),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 413
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in headers and "Content-Security-Policy" in headers


def test_a_body_django_cannot_parse_is_a_400_through_the_whole_stack(stack):
    status, headers, _body = request(
        stack,
        "POST",
        "/newsletter/subscribe/",
        body=b"--x--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary*=nope''x"},
    )
    assert status == 400
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in headers


def test_nginx_error_pages_carry_the_security_headers(stack):
    status, headers, _body = request(stack, "GET", "/", headers={"Cookie": "a=" + "x" * 9000})

    assert status == 400
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in headers and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
