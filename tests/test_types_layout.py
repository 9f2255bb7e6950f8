"""The lazy type packages say the same thing three ways: to type checkers (``TYPE_CHECKING``
imports), at run time (``_EXPORTS``) and to ``import *`` (``__all__``). This keeps them in step."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGES = ["gptkit.types", "gptkit.types.chat", "gptkit.types.shared", "gptkit.types.shared_params"]


def _type_checking_imports(package: str) -> dict[str, str]:
    """name -> module of the ``from x import Name as Name`` lines under ``if TYPE_CHECKING:``."""
    path = Path(importlib.import_module(package).__file__ or "")
    tree = ast.parse(path.read_text())
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module is not None
                for alias in stmt.names:
                    assert alias.asname == alias.name, f"{package}: import {alias.name} as itself (re-export)"
                    found[alias.name] = stmt.module
    return found


def _resolve(package: str, module: str) -> str:
    return importlib.util.resolve_name(module if module.startswith(".") else f".{module}", package)


@pytest.mark.parametrize("package", PACKAGES)
def test_lazy_package_declarations_agree(package: str) -> None:
    module = importlib.import_module(package)
    exports: dict[str, tuple[str, ...]] = module._EXPORTS
    runtime = {name: _resolve(package, sub) for sub, names in exports.items() for name in names}
    assert _type_checking_imports(package) == runtime
    assert sorted(module.__all__, key=lambda n: (not n.isupper(), n)) == module.__all__
    assert set(module.__all__) == set(runtime)
    for name in module.__all__:  # each resolves, to the object its submodule defines
        assert getattr(module, name) is getattr(importlib.import_module(runtime[name]), name)
    for sub in exports:
        if not sub.startswith("."):
            assert getattr(module, sub) is importlib.import_module(f"{package}.{sub}")


def test_responses_package_declarations_agree() -> None:
    # ``gptkit.types.responses`` keeps its name -> module map in ``_index`` (too many names for
    # one file); type checkers read the ``TYPE_CHECKING`` imports of its ``__init__``.
    from gptkit.types.responses._index import MODULES

    package = "gptkit.types.responses"
    tree = ast.parse(Path(importlib.import_module(package).__file__ or "").read_text())
    seen: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module is not None and stmt.level == 1
                for alias in stmt.names:
                    assert alias.asname == alias.name, f"import {alias.name} as itself (re-export)"
                    seen[alias.name] = stmt.module
    assert seen == MODULES
    module = importlib.import_module(package)
    assert module.__all__ == sorted(MODULES)
    for name, sub in MODULES.items():
        assert getattr(module, name) is getattr(importlib.import_module(f"{package}.{sub}"), name)


def test_every_types_module_declares_all_and_imports_nothing_heavy() -> None:
    root = Path(importlib.import_module("gptkit.types").__file__ or "").parent
    for path in sorted(root.rglob("*.py")):
        name = "gptkit." + ".".join(path.relative_to(root.parent).with_suffix("").parts)
        name = name.removesuffix(".__init__")
        source = path.read_text()
        assert "__all__" in source, name
        for heavy in ("gptkit._client", "gptkit.resources", "from gptkit._base ", "gptkit._streaming"):
            assert heavy not in source, f"{name} imports {heavy}: types sit below the client"


def test_one_chat_name_loads_only_its_submodules() -> None:
    code = """
import sys
from gptkit.types.chat import ChatCompletionChunk
loaded = sorted(m for m in sys.modules if m.startswith("gptkit.types."))
assert "gptkit.types.chat.completion_create_params" not in loaded, loaded
assert "gptkit.types.batch" not in loaded and "gptkit.types.chat.chat_completion_user_message_param" not in loaded
from gptkit.types.chat.chat_completion_chunk import Choice, ChoiceDelta
from gptkit.types.chat import ChunkChoice
assert ChunkChoice is Choice and ChatCompletionChunk.model_fields["choices"].annotation == list[Choice]
"""
    subprocess.run([sys.executable, "-c", code], check=True)


# -- every module and name of ``openai.types`` at the same path in ``gptkit.types`` -------------

_NOT_SERVED = "a resource gptkit does not serve (docs/migration.md, 'What gptkit leaves out')"
_REALTIME = "realtime and live sessions over WebSockets: not provided"

#: Paths under ``openai.types`` (a dotted prefix, or a name prefix ending in ``*``) that gptkit
#: deliberately lacks, with the reason. Missing names inside a covered module are exempt too.
TYPE_EXCEPTIONS: dict[str, str] = {
    "admin": "organization administration: not provided",
    "beta": "Assistants/threads (retired by OpenAI), agents, ChatKit and realtime betas: not provided",
    "realtime": _REALTIME,
    "live": _REALTIME,
    "websocket_*": _REALTIME,
    "webhooks": "webhook verification: not provided",
    "evals": _NOT_SERVED, "eval_*": _NOT_SERVED,
    "containers": _NOT_SERVED, "container_*": _NOT_SERVED,
    "skills": _NOT_SERVED, "skill*": _NOT_SERVED, "deleted_skill": _NOT_SERVED,
    "video*": _NOT_SERVED, "decision*": _NOT_SERVED, "safety": _NOT_SERVED,
    "content_provenance_check*": _NOT_SERVED,
    "audio.voice*": _NOT_SERVED,
    "shared.decision_*": _NOT_SERVED, "shared_params.decision_*": _NOT_SERVED,
    "responses": "Responses API types: still being completed",
    "conversations.conversation_item": "`AdditionalTools`, `Program`, `ProgramOutput` (programmatic tool calling): "
                                       "not yet in `gptkit.types.responses`, whose item types it re-exports",
}


def _exempt(path: str) -> str | None:
    parts = path.split(".")
    for key in TYPE_EXCEPTIONS:
        if key.endswith("*"):
            if path.startswith(key[:-1]):
                return key
        elif parts[: key.count(".") + 1] == key.split("."):
            return key
    return None


def _official_names(module: object) -> list[str]:
    declared = getattr(module, "__all__", None)
    if declared is not None:
        return list(declared)
    name = getattr(module, "__name__", "")
    return [key for key, value in vars(module).items()
            if not key.startswith("_") and getattr(value, "__module__", None) == name]


def _walk_official() -> tuple[list[str], dict[str, list[str]], set[str]]:
    import pkgutil

    import openai.types

    missing_modules: list[str] = []
    missing_names: dict[str, list[str]] = {}
    used: set[str] = set()
    for info in pkgutil.walk_packages(openai.types.__path__, "openai.types."):
        path = info.name.removeprefix("openai.types.")
        theirs = importlib.import_module(info.name)
        key = _exempt(path)
        try:
            ours = importlib.import_module(f"gptkit.types.{path}")
        except ImportError:
            if key is None:
                missing_modules.append(path)
            used.add(key or "")
            continue
        lacking = [name for name in _official_names(theirs) if not hasattr(ours, name)]
        if lacking and key is None:
            missing_names[path] = lacking
        elif lacking:
            used.add(key or "")
    return missing_modules, missing_names, used


def test_every_official_types_module_and_name_exists_in_gptkit_types() -> None:
    missing_modules, missing_names, used = _walk_official()
    assert missing_modules == [], "add these gptkit.types modules, or a TYPE_EXCEPTIONS entry with its reason"
    assert missing_names == {}, "add these names, or a TYPE_EXCEPTIONS entry with its reason"
    assert sorted(set(TYPE_EXCEPTIONS) - used) == [], "no longer needed: remove them from TYPE_EXCEPTIONS"
