"""One generated image: base64 bytes or a URL, and the prompt the model used."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["Image"]


class Image(APIObject):
    """A generated or edited image (``b64_json`` for GPT image models, ``url`` on request)."""

    b64_json: str | None = None
    revised_prompt: str | None = None
    url: str | None = None
