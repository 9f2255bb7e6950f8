"""Unions discriminated by ``type`` that keep members the API adds later instead of failing.

The Responses API grows new output items, stream events and tools often. A plain discriminated
union rejects a ``type`` it does not know, which would make a whole response unreadable; here an
unknown ``type`` selects the union's fallback member (tagged ``UNKNOWN``), which keeps every field.
A known ``type`` is still validated against its own class, so a malformed item is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast, get_args

from pydantic import Discriminator

__all__ = ["TAGS", "UNKNOWN", "by_role", "by_type", "model_to_param"]

#: The tag of a union's fallback member.
UNKNOWN = "__unknown__"
#: Every tag of every union built here: validation errors name fields, not union branches.
TAGS: set[str] = {UNKNOWN}


def _tags(union: object) -> frozenset[str]:
    tags: set[str] = set()
    for member in get_args(union):
        for meta in getattr(member, "__metadata__", ()):
            tag = getattr(meta, "tag", None)
            if isinstance(tag, str):
                tags.add(tag)
    return frozenset(tags - {UNKNOWN})


def by_type(union: object, *, default: Callable[[Mapping[str, Any]], str] | None = None) -> Discriminator:
    """The discriminator of ``union`` (members ``Annotated[Cls, Tag("kind")]``): the value's
    ``type`` when a member is tagged with it, else ``UNKNOWN``.

    ``default`` names the tag of a dict without a ``type`` (input messages may omit it).
    """
    known = _tags(union)
    TAGS.update(known)

    def pick(value: Any) -> str:
        if isinstance(value, Mapping):
            kind = value.get("type")
            if kind is None and default is not None:
                kind = default(value)
        else:
            kind = getattr(value, "type", None)
        return kind if isinstance(kind, str) and kind in known else UNKNOWN

    return Discriminator(pick)


def by_role(union: object) -> Discriminator:
    """The discriminator of a listed-items union (``input_items.list``): as ``by_type``, except that
    input and assistant messages share ``type: "message"``, so the ``role`` tells them apart (tags
    ``input_message`` and ``assistant_message``)."""
    pick = cast(Callable[[Any], str], by_type(union).discriminator)

    def tag(value: Any) -> str:
        kind = value.get("type") if isinstance(value, Mapping) else getattr(value, "type", None)
        if kind == "message":
            role = value.get("role") if isinstance(value, Mapping) else getattr(value, "role", None)
            return "assistant_message" if role == "assistant" else "input_message"
        return pick(value)

    return Discriminator(tag)


def model_to_param(value: object) -> object:
    """Response objects (e.g. ``response.output`` items) where request dicts are expected.

    Sending a model's output back as the next call's input is the Responses API's way of keeping
    a conversation without ``previous_response_id``: the items go back as the JSON they came as.
    """
    dump = getattr(value, "model_dump", None)
    if dump is None or isinstance(value, Mapping):
        return value
    data: dict[str, Any] = dump(mode="json", exclude_unset=True, exclude_none=True)
    # gptkit's own fields (structured outputs), not the API's.
    data.pop("parsed_arguments", None)
    content = data.get("content")
    if isinstance(content, list):
        for part in content:
            if isinstance(part, dict):
                part.pop("parsed", None)
    return data
