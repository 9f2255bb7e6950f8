"""``ResponseFormatTextGrammar``: answer with text that matches a grammar."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ResponseFormatTextGrammar"]


class ResponseFormatTextGrammar(APIObject):
    """A grammar-constrained text response format."""

    grammar: str
    type: str = "grammar"
