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
