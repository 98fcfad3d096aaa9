"""The local services some tests need (CI has them; elsewhere those tests are skipped)."""

import socket
import urllib.parse


def redis_reachable(url):
    """True when something accepts connections at the Redis URL's host and port."""
    parsed = urllib.parse.urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False
