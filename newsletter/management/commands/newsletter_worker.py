"""Send newsletter issues: `manage.py newsletter_worker` (runs next to `db_worker --backend email`).

Safe to stop at any moment (even SIGKILL) and to run more than once at a time; see
newsletter/mailing.py for how."""

import signal

from django.core.management.base import BaseCommand

from newsletter import mailing


class Command(BaseCommand):
    help = "Deliver scheduled and running newsletter issues."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Stop when nothing is due.")
        parser.add_argument("--poll", type=float, default=5.0, help="Seconds between looks when idle.")

    def handle(self, *args, once=False, poll=5.0, **options):
        stopping = []

        def request_stop(signum, frame):
            stopping.append(signum)  # finish the current batch, then stop

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        mailing.run(once=once, poll_seconds=poll, stop=lambda: bool(stopping))
