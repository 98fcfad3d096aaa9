"""One SMTP transaction whose last step waits for the caller's say-so.

A message counts as accepted once the server has its final "." line. `send_held` sends the
envelope and the whole message except that line, calls `commit()` (which records the message as
sent and returns True) and only then sends the dot. A worker killed before the commit leaves
the server with an unfinished message that it discards (RFC 5321 §3.3), and the row still
unsent; killed after it, the row says sent and the server delivers. So a restarted worker
never sends anybody the same issue twice, and the gap in which a message can be lost is the
few microseconds between the commit and one socket write.

Only smtplib's public commands are used (mail, rcpt, docmd, send, getreply)."""

import re
import smtplib
import socket

_LEADING_DOT = re.compile(rb"(?m)^\.")


class Declined(Exception):
    """`commit()` said no (the recipient left meanwhile); the connection must be reset."""


def _dot_stuffed(raw):
    """RFC 5321 §4.5.2 transparency, with CRLF line ends and a final CRLF."""
    raw = re.sub(rb"\r\n|\r|\n", b"\r\n", raw)
    raw = _LEADING_DOT.sub(b"..", raw)
    return raw if raw.endswith(b"\r\n") else raw + b"\r\n"


def send_held(smtp, from_addr, to_addr, raw_message, commit):
    """Send one message over an open smtplib.SMTP connection; `commit()` runs before the final dot.

    SMTP errors before the commit leave nothing recorded; after it, the caller decides (the
    server's reply to the dot says whether it took the message)."""
    smtp.ehlo_or_helo_if_needed()
    # The final dot is a small write right after the message: with Nagle's algorithm it would
    # wait for the server's delayed ACK (~40 ms) on every message.
    smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    code, reply = smtp.mail(from_addr)
    if code != 250:
        smtp.rset()
        raise smtplib.SMTPSenderRefused(code, reply, from_addr)
    code, reply = smtp.rcpt(to_addr)
    if code not in (250, 251):
        smtp.rset()
        raise smtplib.SMTPRecipientsRefused({to_addr: (code, reply)})
    code, reply = smtp.docmd("DATA")
    if code != 354:
        smtp.rset()
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(_dot_stuffed(raw_message))
    if not commit():
        # Inside DATA there is no way to take the message back except dropping the line.
        smtp.close()
        raise Declined
    smtp.send(b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)
    return reply
