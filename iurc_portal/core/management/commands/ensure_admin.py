import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Create an administrator account if the site has none, and say how to log in. "
        "In development the password is random and kept in .admin-password (git-ignored); "
        "outside DEBUG it must come from DJANGO_SUPERUSER_PASSWORD."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@iurc.localhost")

    def handle(self, *args, **options):
        import os

        User = get_user_model()
        login_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        if User.objects.filter(is_superuser=True).exists():
            if settings.DEBUG and PASSWORD_FILE.exists():
                username = User.objects.filter(is_superuser=True).order_by("pk").first().get_username()
                self._announce(login_url, username, PASSWORD_FILE.read_text().strip())
            else:
                self.stdout.write(f"An administrator account exists. Log in at {login_url}")
            return

        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        if not password:
            if not settings.DEBUG:
                raise CommandError(
                    "No administrator exists. Outside development, set DJANGO_SUPERUSER_PASSWORD "
                    "to create one; no default password is ever used in production."
                )
            password = secrets.token_urlsafe(12)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        User.objects.create_superuser(options["username"], options["email"], password)
        self._announce(
            login_url, options["username"], password if settings.DEBUG else "(from DJANGO_SUPERUSER_PASSWORD)"
        )

    def _announce(self, login_url, username, password):
        self.stdout.write(self.style.SUCCESS("Admin login"))
        self.stdout.write(f"  URL:      {login_url}")
        self.stdout.write(f"  Username: {username}")
        self.stdout.write(f"  Password: {password}")
