"""An issue as an email: rendered and CSS-inlined once per issue, addressed once per recipient.

Rendering the blocks and inlining the CSS (css-inline) is the expensive part, so it happens once;
each recipient's message only swaps in their own unsubscribe link. No tracking pixel and no
rewritten links: the email links straight to the pages, as the privacy notice says."""

from email.utils import make_msgid
from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property

from .emails import absolute, base_url, from_email, unsubscribe_url
from .text import absolute_links

# Stands in for each recipient's unsubscribe link in the rendered issue; cannot occur in content.
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/__recipient__/"
_INLINER = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def list_id():
    """RFC 2919 List-Id: a fixed name under the portal's own domain."""
    configured = getattr(settings, "NEWSLETTER_LIST_ID", "")
    if configured:
        return configured
    host = urlsplit(base_url()).hostname or "localhost"
    return f"Stay in the loop <stay-in-the-loop.{host}>"


def message_domain():
    return urlsplit(base_url()).hostname or "localhost"


class RenderedIssue:
    """Subject, HTML and text of an issue, with a stand-in for each recipient's unsubscribe link."""

    def __init__(self, *, subject, html, text, web_url):
        self.subject, self.html, self.text, self.web_url = subject, html, text, web_url

    @classmethod
    def render(cls, issue, *, preview=False):
        web_url = issue.get_full_url() or absolute(issue.url or "/")
        archive = issue.get_parent()
        context = {
            "issue": issue,
            "page": issue,
            "email": True,
            "preview": preview,
            "issue_time": issue.content_time,
            "base_url": base_url(),
            "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "IURC"),
            "web_url": web_url,
            "archive_url": archive.get_full_url() if archive else base_url(),
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        }
        with translation.override(settings.LANGUAGE_CODE):
            html = _INLINER.inline(
                absolute_links(render_to_string("newsletter/email/issue.html", context), base_url())
            )
            context["body_text"] = issue.body.stream_block.render_text(issue.body, context)
            text = render_to_string("newsletter/email/issue.txt", context)
        rendered = cls(subject=" ".join(issue.subject.split()), html=html, text=text, web_url=web_url)
        if preview:
            example = absolute(reverse("newsletter:unsubscribe", args=["example"]))
            rendered.html = rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, example)
            rendered.text = rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, example)
        return rendered

    @classmethod
    def from_send(cls, send):
        """The snapshot taken when the send started: every recipient gets the same issue."""
        return cls(subject=send.subject, html=send.html, text=send.text, web_url=send.web_url)

    def message(self, subscriber, *, to=None, idstring=None):
        """The issue addressed to one subscriber (or, for a test send, to `to` with a dead link)."""
        one_click = (
            unsubscribe_url(subscriber)
            if subscriber is not None
            else absolute(reverse("newsletter:unsubscribe", args=["test"]))
        )
        return self._message(
            to or subscriber.delivery_address,
            one_click,
            make_msgid(idstring=idstring, domain=message_domain()),
        )

    def _message(self, to, one_click, message_id):
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(UNSUBSCRIBE_PLACEHOLDER, one_click),
            from_email=from_email(),
            to=[to],
            headers={
                "List-Id": list_id(),
                "List-Unsubscribe": f"<{one_click}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Archive": f"<{self.web_url}>",
                "Precedence": "bulk",
                "Message-ID": message_id,
            },
        )
        message.attach_alternative(self.html.replace(UNSUBSCRIBE_PLACEHOLDER, one_click), "text/html")
        return message

    def raw_message(self, subscriber, *, idstring=None):
        """`message(subscriber)` as the bytes sent over SMTP (CRLF line ends).

        Python's email package spends about 2 ms per message folding headers and writing the
        parts, the same work for every recipient. So the message is written once with stand-ins
        for the address, the unsubscribe link and the Message-ID, and each recipient's message
        is that text with their own three values in place (a test compares the two ways). An
        address that needs encoding, or a part whose encoding would move the stand-ins, takes
        the full way."""
        address = subscriber.delivery_address
        one_click = unsubscribe_url(subscriber)
        message_id = make_msgid(idstring=idstring, domain=message_domain())
        template = self._template
        if template is None or not address.isascii() or any(c in address for c in '\r\n<>"(),;: '):
            return self._message(address, one_click, message_id).message().as_bytes(linesep="\r\n")
        raw, template_id = template
        return (
            raw.replace(_TO.encode(), address.encode())
            .replace(_ONE_CLICK.encode(), one_click.encode())
            .replace(template_id.encode(), message_id.encode())
        )

    @cached_property
    def _template(self):
        """(the message with stand-ins, its Message-ID), or None where stand-ins would not hold."""
        template_id = make_msgid(idstring="template", domain=message_domain())
        raw = self._message(_TO, _ONE_CLICK, template_id).message().as_bytes(linesep="\r\n")
        # Every stand-in must be there whole (a quoted-printable part could split one), and a
        # link put in place must not make a line longer than SMTP allows.
        link = _ONE_CLICK.encode()
        expected = 1 + self.text.count(UNSUBSCRIBE_PLACEHOLDER) + self.html.count(UNSUBSCRIBE_PLACEHOLDER)
        lines_with_link = [line for line in raw.split(b"\r\n") if link in line]
        if (
            raw.count(link) == expected
            and raw.count(_TO.encode()) == 1
            and raw.count(template_id.encode()) == 1
            and all(len(line) + 300 * line.count(link) <= 998 for line in lines_with_link)
        ):
            return raw, template_id
        return None


# Stand-ins of the per-recipient message template: none can occur in an issue.
_TO = "recipient@to.invalid"
_ONE_CLICK = "https://unsubscribe.invalid/__one_click__/"
