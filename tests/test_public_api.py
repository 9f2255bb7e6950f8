"""One public surface: ``gptkit.__all__`` is sorted, complete, and every name resolves."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import gptkit
import gptkit.types


def test_all_is_sorted_and_resolves() -> None:
    names = [n for n in gptkit.__all__ if n != "__version__"]
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    for name in gptkit.__all__:
        assert getattr(gptkit, name) is not None


def test_every_public_class_and_error_is_exported() -> None:
    exported = set(gptkit.__all__)
    import gptkit._exceptions as exc_module

    assert set(exc_module.__all__) <= exported


def test_types_all_is_complete() -> None:
    names = gptkit.types.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    for name in gptkit.types.__all__:
        assert hasattr(gptkit.types, name)


def test_private_modules_declare_all() -> None:
    for info in pkgutil.walk_packages(gptkit.__path__, "gptkit."):
        if info.name.endswith("__main__") or ".cli" in info.name:
            continue
        module = importlib.import_module(info.name)
        assert hasattr(module, "__all__"), f"{info.name} has no __all__"


def test_version() -> None:
    assert isinstance(gptkit.__version__, str) and gptkit.__version__.count(".") == 2


def test_import_is_lazy() -> None:
    code = (
        "import sys, gptkit; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('redis', 'genai_prices', 'openai', 'opentelemetry')"
        " or m.startswith('gptkit.resources.')]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_docs_reference_documents_every_public_name() -> None:
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "reference.md").read_text()
    directives = set(re.findall(r"^::: gptkit\.(\w+)$", text, flags=re.M))
    table = set(re.findall(r"^\| `(\w+)` \|", text, flags=re.M))
    documented = directives | table
    public = set(gptkit.__all__)
    assert public - documented == set(), "public names missing from docs/reference.md"
    assert directives - public == set(), "docs/reference.md documents names gptkit does not export"
