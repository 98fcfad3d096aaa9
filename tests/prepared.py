"""SQLite databases built once per test run, in the background, while the test processes start.

`migrate` takes about 20 s here and loading the demo content another 20 s. Each pytest-xdist
worker migrated its own test database, and the demo was loaded twice: for the browser suite's live
server and in tests/demo. Now the main pytest process builds, with the project's own management
commands in a subprocess:

- `migrated.sqlite3`: every migration applied;
- `demo.sqlite3` (and `demo-media/`, `demo.out`): that, plus `load_demo_content`, as `make run`
  loads it. It is built only when the run includes tests/demo or tests/browser.

A test database on SQLite (in memory) is made without migrations and then overwritten with a copy
of `migrated.sqlite3` (SQLite's backup API), so every worker starts from what `migrate` leaves,
less Wagtail's placeholder page (`use_migrated`). On PostgreSQL, pytest-django migrates the test
database as usual; the servers the tests start in other processes (the live site, the nginx stack)
use these files on either database.
See docs/decisions/2026-12-01-test-databases-built-once.md.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
# How the main process tells the workers (which inherit its environment) where the files are.
FOLDER_VARIABLE = "IURC_TEST_DATABASES"
DEMO_TESTS = ("tests/demo/", "tests/browser/")


class Builder:
    """Runs in the main pytest process: builds the files in a thread, one command at a time."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="iurc-test-databases-"))
        self.demo_wanted = threading.Event()
        # Held while a command is started or stopped, so that none starts after stop().
        self.lock = threading.Lock()
        self.stopping = False
        self.process = None
        self.thread = threading.Thread(target=self._build_all, name="test-databases", daemon=True)

    def start(self):
        os.environ[FOLDER_VARIABLE] = str(self.folder)
        self.thread.start()

    def want_demo(self, nodeids):
        if any(nodeid.startswith(DEMO_TESTS) for nodeid in nodeids):
            self.demo_wanted.set()

    def stop(self):
        with self.lock:
            self.stopping = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
        self.demo_wanted.set()
        self.thread.join(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _build_all(self):
        if not self._build("migrated", None, ["migrate", "--no-input", "-v0"]):
            (self.folder / "demo.out").write_text((self.folder / "migrated.out").read_text())
            (self.folder / "demo.failed").write_text("the migrated database it starts from was not built")
            return
        self.demo_wanted.wait()
        self._build("demo", "migrated", ["load_demo_content"], media=self.folder / "demo-media")

    def _build(self, name, start_from, command, media=None):
        """`manage.py <command>` on a copy of `start_from` (or a new file); published by renaming,
        so a reader never sees a half-built database."""
        partial = self.folder / f"{name}.partial"
        if start_from is not None:
            shutil.copyfile(self.folder / f"{start_from}.sqlite3", partial)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "iurc_portal.settings.test",
            "DATABASE_URL": f"sqlite:///{partial}",
            "MEDIA_ROOT": str(media or self.folder / "media"),
        }
        with open(self.folder / f"{name}.out", "w") as out:
            with self.lock:
                if self.stopping:
                    return False
                self.process = subprocess.Popen(
                    [sys.executable, str(BASE_DIR / "manage.py"), *command],
                    env=env,
                    cwd=BASE_DIR,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            code = self.process.wait()
        if code != 0:
            (self.folder / f"{name}.failed").write_text(f"manage.py {' '.join(command)} exited with {code}")
            return False
        os.replace(partial, self.folder / f"{name}.sqlite3")
        return True


def folder():
    return Path(os.environ[FOLDER_VARIABLE])


def wait_for(name, timeout=900):
    """The path of the built database `name`; waits while it is being built."""
    path = folder() / f"{name}.sqlite3"
    deadline = time.monotonic() + timeout
    while not path.exists():
        failed = folder() / f"{name}.failed"
        if failed.exists():
            output = (folder() / f"{name}.out").read_text()[-3000:]
            raise RuntimeError(f"building the {name} test database failed: {failed.read_text()}\n{output}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the {name} test database was not built within {timeout} s")
        time.sleep(0.1)
    return path


def demo_output():
    """What `load_demo_content` printed while it built the demo database."""
    wait_for("demo")
    return (folder() / "demo.out").read_text()


def demo_media():
    wait_for("demo")
    return folder() / "demo-media"


def in_memory_sqlite():
    """Whether the test database is SQLite in memory, pytest-django's default on SQLite."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    return database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME")


def copy_into(path, connection):
    """Replace the whole database of Django's `connection` (SQLite) with the file at `path`."""
    from django.contrib.contenttypes.models import ContentType

    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    # Content types are cached by id; the copied database may number them differently.
    ContentType.objects.clear_cache()


def use_migrated(connection):
    """The test database of `connection` (SQLite) as `migrate` left it, less Wagtail's placeholder
    page.

    Wagtail's data migration makes a "Welcome" page that every site a test makes replaces
    (`make_site_with_home`). Deleting a page cascades over every page type, about a hundred
    queries, so it is deleted once here rather than in each of the 130 tests that make a site."""
    from wagtail.models import Page

    copy_into(wait_for("migrated"), connection)
    Page.objects.filter(depth=2).exclude(content_type__model="homepage").delete()
