"""Parameter validation of the Responses API: ``ParamValidator`` with errors that name the field.

Its parameters are deeply nested unions (``input`` is a string or a list of items of a dozen
kinds), where pydantic reports one error per branch tried. The most useful is the deepest one
(the branch that matched the value's ``type`` and then found a bad field); its path is shown
without the union branches' tags: ``input.0.role``, not ``input.0.message.role``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pydantic

from gptkit._core._params import ParamValidator, error_text
from gptkit._exceptions import InvalidParameterError
from gptkit.types.responses._tagged import TAGS, UNKNOWN

__all__ = ["ResponsesParamValidator"]

_SCALARS = frozenset({"str", "int", "float", "bool"})


def _path(loc: Sequence[int | str]) -> list[int | str]:
    """The parameter path of an error: pydantic's branch labels and union tags left out.

    Tags are dropped only between the first and the last part: some tags are field names too
    (``text``, ``refusal``), and those are the parameter itself (first) or the bad field (last).
    """
    parts: list[int | str] = []
    last = len(loc) - 1
    for index, part in enumerate(loc):
        if isinstance(part, str):
            # Branch labels: "list[...]", "str", a TypedDict's class name; API names are lower case.
            if "[" in part or part in _SCALARS or part[:1].isupper() or part == UNKNOWN:
                continue
            if 0 < index < last and part in TAGS:
                continue
        parts.append(part)
    return parts


class ResponsesParamValidator(ParamValidator):
    """A ``ParamValidator`` whose error names the most specific bad field of nested unions."""

    def _to_error(self, exc: pydantic.ValidationError) -> InvalidParameterError:
        found: list[tuple[list[int | str], str]] = []
        for err in exc.errors(include_url=False):
            path = _path(err["loc"])
            found.append((path, error_text(err)))
        # The deepest error first (the first of equals): it is the branch the value was meant for.
        best = max(range(len(found)), key=lambda i: (len(found[i][0]), -i))
        ordered = [found[best], *found[:best], *found[best + 1:]]
        named = [(".".join(str(p) for p in path) or "params", text) for path, text in ordered]
        param, text = named[0]
        more = f" (and {len(named) - 1} more)" if len(named) > 1 else ""
        message = f"Invalid parameter for {self._endpoint}: '{param}' {text}{more}"
        return InvalidParameterError(message, param=param, errors=named)
