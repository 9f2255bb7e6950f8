"""Which provider a base URL belongs to, for price lookup (sans-IO).

Prices are per provider: the same model costs what OpenAI charges on api.openai.com and what
Azure charges on an Azure resource, and nothing gptkit could know on a self-hosted server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["price_provider_for"]

_OPENAI_HOSTS = frozenset({"api.openai.com", "us.api.openai.com", "eu.api.openai.com"})
_AZURE_HOST_SUFFIXES = (".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com")


def price_provider_for(base_url: str) -> str | None:
    """``"openai"`` for api.openai.com, ``"azure"`` for an Azure OpenAI resource, else None.

    None means "unknown server" (vLLM, Ollama, a gateway...): the cost helper then prices only
    models the user gave prices for.
    """
    host = (urlsplit(base_url).hostname or "").lower()
    if host in _OPENAI_HOSTS:
        return "openai"
    if host.endswith(_AZURE_HOST_SUFFIXES):
        return "azure"
    return None
