"""griffe extensions for the API reference: signatures show only public parameters, and a
constructor's parameters are one list.

A parameter whose name starts with ``_`` (``RetryPolicy(_random=...)``, a hook for gptkit's own
tests) is private like a ``_module``: callers are not meant to pass it, so the reference leaves
it out of the signature when it has a default, as its ``filters: ["!^_"]`` leave private
members out of the page.

mkdocs.yml loads it after griffe's dataclasses extension (which writes a dataclass's
``__init__``), and tests/test_reference.py loads the same list.
"""

from __future__ import annotations

from typing import Any

import griffe

__all__ = ["HidePrivateParameters", "OneParameterList"]


class HidePrivateParameters(griffe.Extension):
    """Drop ``_``-prefixed parameters from every function and constructor signature."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._visit(pkg, set())

    def _visit(self, obj: griffe.Object, seen: set[str]) -> None:
        if obj.path in seen:
            return
        seen.add(obj.path)
        for member in obj.members.values():
            if member.is_alias:
                continue
            if isinstance(member, griffe.Function):
                for parameter in list(member.parameters):
                    # Only one with a default: leaving out a required one would mislead.
                    if parameter.name.startswith("_") and parameter.default is not None:
                        del member.parameters[parameter.name]
            elif isinstance(member, (griffe.Class, griffe.Module)):
                self._visit(member, seen)


class OneParameterList(griffe.Extension):
    """One "Parameters" list per class: the ``__init__`` docstring's joins the class docstring's.

    With ``merge_init_into_class`` mkdocstrings renders the class docstring, then the
    ``__init__`` docstring: a client whose own parameters are described in the class docstring
    and whose ``**options`` the ``unpack_typeddict`` extension describes in ``__init__``'s would
    show two lists. Runs per function, after ``unpack_typeddict`` (listed before it).
    """

    def on_function(self, *, func: griffe.Function, **kwargs: Any) -> None:
        cls = func.parent
        if func.name != "__init__" or not isinstance(cls, griffe.Class):
            return
        if cls.docstring is None or func.docstring is None:
            return
        kind = griffe.DocstringSectionKind.parameters
        own = next((s for s in cls.docstring.parsed if s.kind is kind), None)
        if own is None:
            return
        for section in [s for s in func.docstring.parsed if s.kind is kind]:
            own.value.extend(section.value)
            func.docstring.parsed.remove(section)
