"""A feed's or calendar's address without its credentials, for log lines and admin screens."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

MASK = "***"
# Query parameters whose values look like credentials (api_key, access_token, X-Amz-Signature…).
_SECRET_PARAM = re.compile(r"token|key|secret|pass|sig|auth", re.IGNORECASE)


def masked_url(url: str) -> str:
    """`url` fit for a log line or a chat: user info and secret-looking query values masked."""
    try:
        parts = urlsplit(url)
    except ValueError:  # cannot tell where a secret would be: show none of it
        return "<unparsable URL>"
    query = "&".join(_masked_param(pair) for pair in parts.query.split("&"))
    if not parts.netloc:  # no user info; and urlunsplit would drop sqlite:////path's "//"
        return url.replace(f"?{parts.query}", f"?{query}", 1)
    userinfo, at, host = parts.netloc.rpartition("@")
    if at:  # a lone user name is often a token itself
        user, colon, _ = userinfo.partition(":")
        host = f"{user}:{MASK}@{host}" if colon else f"{MASK}@{host}"
    return urlunsplit((parts.scheme, host, parts.path, query, parts.fragment))


def _masked_param(pair: str) -> str:
    name, has_value, _ = pair.partition("=")
    if has_value and _SECRET_PARAM.search(unquote(name)):
        return f"{name}={MASK}"
    return pair
