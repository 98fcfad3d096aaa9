"""The local services some tests need (CI has them; elsewhere those tests are skipped)."""

import os
import socket
import urllib.parse
import uuid


def redis_reachable(url):
    """True when something accepts connections at the Redis URL's host and port."""
    parsed = urllib.parse.urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def redis_url_for_tests():
    """The Redis database tests may use: TEST_REDIS_URL, so that parallel checkouts keep apart."""
    return os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def unique_key_prefix(label):
    """A cache key prefix no other test, xdist worker or checkout uses at the same time.

    Tests share one Redis database and never flush it: each deletes only its own prefix's keys."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"test-{label}-{worker}-{uuid.uuid4().hex[:12]}"


def delete_prefixed_keys(url, prefix):
    import redis

    client = redis.Redis.from_url(url)
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()
