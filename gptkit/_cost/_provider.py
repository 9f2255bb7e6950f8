"""Which price list applies: the provider, inferred from the client's ``base_url``.

This is the hook for provider support: ``infer_provider`` knows OpenAI's own hosts; anything it
does not know returns None, and the price database then matches the URL against its providers'
API patterns, and failing that the model's name (a proxy or gateway in front of OpenAI keeps
OpenAI's prices). A provider layer (e.g. Azure) may set ``client._cost.provider`` directly.
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["KNOWN_HOSTS", "infer_provider"]

#: Hosts whose price list is known without asking the database (genai-prices provider ids).
KNOWN_HOSTS = {
    "api.openai.com": "openai",
    "us.api.openai.com": "openai",
    "eu.api.openai.com": "openai",
}


def infer_provider(base_url: str) -> str | None:
    """The genai-prices provider id for ``base_url``, or None when the host is not a known one."""
    host = (urlsplit(base_url).hostname or "").lower()
    return KNOWN_HOSTS.get(host)
