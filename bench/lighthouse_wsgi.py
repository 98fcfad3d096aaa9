"""The production app, plus uploaded images served from MEDIA_ROOT, for bench/lighthouse.py only.

In production, media come from S3 or the reverse proxy (production settings do not serve them);
here WhiteNoise stands in for that server, so the pages' images load as they would live."""

from django.conf import settings
from whitenoise import WhiteNoise

from iurc_portal.wsgi import application as portal

# autorefresh: renditions are made while the pages are first rendered, after this starts.
application = WhiteNoise(portal, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True)
