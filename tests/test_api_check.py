"""The API-break check (.ci/tools/api_check.py): the real API against its snapshot, and the checker
itself on synthetic packages with known breaks."""

from __future__ import annotations

import importlib.util
import io
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_check", ROOT / ".ci" / "tools" / "api_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["api_check"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


api_check = _load_checker()

_SOURCES = {
    "__init__.py": '''
        from typing import TYPE_CHECKING

        from gptkit._impl import Client, helper
        from gptkit import types as types

        if TYPE_CHECKING:
            from gptkit._lazy import Lazy

        __all__ = ["Client", "Lazy", "helper"]
    ''',
    "_version.py": '__version__ = "0.1.0"\n',
    "_impl.py": '''
        __all__ = ["Client", "helper"]

        class _Base:
            def close(self) -> None: ...
            def with_options(self, *, timeout: float = 600.0) -> None: ...

        class Client(_Base):
            def __init__(self, api_key: str | None = None, *, max_retries: int = 2, _private: int = 0) -> None: ...
            def send(self, request: str, stream: bool = False) -> str: ...

        def helper(x: int, y: int = 1) -> int: ...
    ''',
    "_lazy.py": '''
        __all__ = ["Lazy"]

        class Lazy:
            value: int
    ''',
    "types/__init__.py": '''
        from gptkit.types.chat import Message

        __all__ = ["Message"]
    ''',
    "types/chat.py": '''
        __all__ = ["Message"]

        class Message:
            role: str
            content: str | None
    ''',
}
OLD = {name: textwrap.dedent(text) for name, text in _SOURCES.items()}


def _write(root: Path, files: dict[str, str], changelog: str = "## [Unreleased]\n") -> Path:
    for name, text in files.items():
        path = root / "gptkit" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (root / ".ci" / "tools").mkdir(parents=True, exist_ok=True)
    (root / "CHANGELOG.md").write_text(changelog)
    return root


def _changed(**replacements: tuple[str, str]) -> dict[str, str]:
    files = dict(OLD)
    for name, (old, new) in replacements.items():
        key = name.replace("__", "/") + ".py" if name != "init" else "__init__.py"
        assert old in files[key], (key, old)
        files[key] = files[key].replace(old, new)
    return files


def _breaks(tmp_path: Path, files: dict[str, str]) -> list[str]:
    old = api_check.build_snapshot(_write(tmp_path / "old", OLD))
    new = api_check.build_snapshot(_write(tmp_path / "new", files))
    return [str(b) for b in api_check.find_breaks(old, new)]


@pytest.fixture(scope="module")
def root_snapshot() -> dict[str, Any]:
    """gptkit's own snapshot, built once: griffe walks ~700 modules (tens of seconds when loaded)."""
    snapshot: dict[str, Any] = api_check.build_snapshot(ROOT)
    return snapshot


@pytest.mark.timeout(300)
def test_the_public_api_has_no_unrecorded_break(root_snapshot: dict[str, Any]) -> None:
    out = io.StringIO()
    code = api_check.main([], out=out, current=root_snapshot)
    assert code == 0, out.getvalue()
    assert "API check OK" in out.getvalue()


def test_the_snapshot_holds_the_public_surface_and_nothing_private(root_snapshot: dict[str, Any]) -> None:
    snapshot = root_snapshot
    paths = set(snapshot["objects"])
    assert {"gptkit.Client.__init__", "gptkit.types.ChatCompletion.choices", "gptkit.testing.FakeOpenAI",
            "gptkit.batch.run"} <= paths
    assert not [p for p in paths if any(part.startswith("_") and not part.endswith("__") for part in p.split("."))]
    # private parameters (dataclass fields starting with "_") are not part of the contract
    params = [p[0] for p in snapshot["objects"]["gptkit.RetryPolicy.__init__"]["parameters"]]
    assert "max_attempts" in params and not [p for p in params if p.startswith("_")]


def test_the_stored_form_loads_back_to_the_same_snapshot(root_snapshot: dict[str, Any]) -> None:
    snapshot = root_snapshot
    text = api_check._dump(snapshot)
    assert api_check.load(text) == snapshot
    stored = text.count("\n")
    # each class once, inherited members by name: far fewer lines than public paths
    assert stored < len(snapshot["objects"]) / 2
    assert '"inherits": {"gptkit.types.APIObject": [' in text


def test_additions_are_not_breaks(tmp_path: Path) -> None:
    files = _changed(
        _impl=("def helper(x: int, y: int = 1) -> int: ...",
               "def helper(x: int, y: int = 1, *, z: int = 0) -> int: ...\n\ndef other() -> None: ..."),
        types__chat=("content: str | None", "content: str | None\n    name: str | None"),
    )
    assert _breaks(tmp_path, files) == []


def test_griffe_finds_each_kind_of_break_at_its_public_path(tmp_path: Path) -> None:
    files = _changed(
        _impl=("def send(self, request: str, stream: bool = False)", "def send(self, request: str, stream: bool = True)"),
    )
    files["_impl.py"] = (
        files["_impl.py"]
        .replace("api_key: str | None = None, *, max_retries: int = 2", "*, api_key: str | None = None")
        .replace("def helper(x: int, y: int = 1)", "def helper(x: int, y: int, z: int)")
    )
    files["types/chat.py"] = files["types/chat.py"].replace("class Message:", "class ChatMessage:").replace(
        '["Message"]', '["ChatMessage"]')
    files["types/__init__.py"] = files["types/__init__.py"].replace("Message", "ChatMessage")
    found = _breaks(tmp_path, files)
    assert found == [
        "gptkit.Client.__init__: Parameter kind was changed: parameter 'api_key' (positional or keyword -> keyword-only)",
        "gptkit.Client.__init__: Parameter was removed: parameter 'max_retries'",
        "gptkit.Client.send: Parameter default was changed: parameter 'stream' (False -> True)",
        "gptkit.helper: Parameter is now required: parameter 'y'",
        "gptkit.helper: Parameter was added as required: parameter 'z'",
        "gptkit.types.Message: Public object was removed (also at 1 other path(s): gptkit.types.chat.Message)",
    ]


def test_an_inherited_member_breaks_once_with_its_other_paths(tmp_path: Path) -> None:
    files = _changed(_impl=("def close(self) -> None: ...", ""))
    assert _breaks(tmp_path, files) == ["gptkit.Client.close: Public object was removed"]
    files = _changed(_impl=("timeout: float = 600.0", "timeout: float = 60.0"))
    assert _breaks(tmp_path, files) == [
        "gptkit.Client.with_options: Parameter default was changed: parameter 'timeout' (600.0 -> 60.0)"]


def test_a_name_in_all_that_is_not_visible_statically_is_an_error(tmp_path: Path) -> None:
    files = _changed(init=("if TYPE_CHECKING:\n    from gptkit._lazy import Lazy\n", ""))
    with pytest.raises(api_check.SnapshotError, match=r"gptkit.__all__ names 'Lazy'"):
        api_check.build_snapshot(_write(tmp_path, files))


BREAK = api_check.Break("gptkit.Client.__init__", "Parameter was removed", "parameter 'max_retries'",
                        ("gptkit.OpenAI.__init__",))


@pytest.mark.parametrize(
    ("changelog", "since", "recorded"),
    [
        ("## [Unreleased]\n### Removed\n- **BREAKING**: `gptkit.Client.__init__(max_retries)`: use `retry=`.\n", "0.1.0", True),
        # naming any public path of the object records it; a bullet may wrap
        ("## [Unreleased]\n### Changed\n- BREAKING: the old spelling\n  `gptkit.OpenAI.__init__` is gone.\n", "0.1.0", True),
        # no BREAKING marker
        ("## [Unreleased]\n### Removed\n- `gptkit.Client.__init__` lost `max_retries`.\n", "0.1.0", False),
        # another object named
        ("## [Unreleased]\n- **BREAKING**: `gptkit.Client.close` is gone.\n", "0.1.0", False),
        # under the snapshot's own (already released) version
        ("## [Unreleased]\n## [0.1.0]\n- **BREAKING**: `gptkit.Client.__init__`.\n", "0.1.0", False),
        # a patch release may not break, even in 0.x; a minor one may
        ("## [0.1.1]\n- **BREAKING**: `gptkit.Client.__init__`.\n", "0.1.0", False),
        ("## [0.2.0] - 2026-01-01\n- **BREAKING**: `gptkit.Client.__init__`.\n", "0.1.0", True),
        # from 1.0 on, Unreleased is not enough: the next major's heading is
        ("## [Unreleased]\n- **BREAKING**: `gptkit.Client.__init__`.\n", "1.2.0", False),
        ("## [1.3.0]\n- **BREAKING**: `gptkit.Client.__init__`.\n", "1.2.0", False),
        ("## [2.0.0] - unreleased\n- **BREAKING**: `gptkit.Client.__init__`.\n", "1.2.0", True),
    ],
)
def test_the_changelog_rule(changelog: str, since: str, recorded: bool) -> None:
    problems = api_check.changelog_problems([BREAK], changelog, since)
    assert problems == ([] if recorded else [BREAK])


def test_the_command_fails_on_an_unrecorded_break_and_refreshes_at_a_release(tmp_path: Path) -> None:
    root = _write(tmp_path, OLD)
    out = io.StringIO()
    assert api_check.main(["--refresh"], root=root, out=out) == 0
    snapshot = (root / ".ci" / "tools" / "api_snapshot.json").read_text()
    assert snapshot.startswith('{"version": "0.1.0", "objects": {\n "gptkit": ')
    assert api_check.main([], root=root, out=io.StringIO()) == 0

    files = _changed(_impl=("def helper(x: int, y: int = 1) -> int: ...", ""))
    files["_impl.py"] = files["_impl.py"].replace('"Client", "helper"', '"Client"')
    files["__init__.py"] = files["__init__.py"].replace("Client, helper", "Client").replace(', "helper"', "")
    _write(root, files)
    out = io.StringIO()
    assert api_check.main([], root=root, out=out) == 1
    assert "UNRECORDED gptkit.helper: Public object was removed" in out.getvalue()
    assert "- **BREAKING**: `gptkit.helper`" in out.getvalue()

    entry = "## [Unreleased]\n### Removed\n- **BREAKING**: `gptkit.helper` (use `Client.send`).\n"
    (root / "CHANGELOG.md").write_text(entry)
    out = io.StringIO()
    assert api_check.main(["--list"], root=root, out=out) == 0
    assert "recorded   gptkit.helper: Public object was removed" in out.getvalue()

    # the release: a patch version may not carry the break, a minor one may
    (root / "CHANGELOG.md").write_text(entry.replace("Unreleased", "0.1.1"))
    (root / "gptkit" / "_version.py").write_text('__version__ = "0.1.1"\n')
    assert api_check.main(["--refresh"], root=root, out=io.StringIO()) == 1
    assert (root / ".ci" / "tools" / "api_snapshot.json").read_text() == snapshot
    (root / "CHANGELOG.md").write_text(entry.replace("Unreleased", "0.2.0"))
    (root / "gptkit" / "_version.py").write_text('__version__ = "0.2.0"\n')
    assert api_check.main(["--refresh"], root=root, out=io.StringIO()) == 0
    refreshed = (root / ".ci" / "tools" / "api_snapshot.json").read_text()
    assert '"version": "0.2.0"' in refreshed and '"gptkit.helper"' not in refreshed


_TWIN_SOURCES = {
    "resources/__init__.py": "__all__ = []\n",
    "resources/_twin.py": '''
        __all__ = ["twin", "twin_list"]

        def twin(method): ...
        def twin_list(method): ...
    ''',
    "resources/files.py": '''
        from typing import Final

        from gptkit.resources._twin import twin, twin_list

        __all__ = ["AsyncFiles", "Files"]

        class Files:
            def retrieve(self, file_id: str, *, timeout: float | None = None) -> FileObject: ...
            def list(self, *, limit: int | None = None) -> SyncCursorPage[FileObject]: ...

        class AsyncFiles:
            async def retrieve(self, file_id: str, *, timeout: float | None = None) -> FileObject: ...
            def list(self, *, limit: int | None = None) -> AsyncPaginator[FileObject, AsyncCursorPage[FileObject]]: ...
    ''',
}
_TWINNED = (
    "    async def retrieve(self, file_id: str, *, timeout: float | None = None) -> FileObject: ...\n"
    "    def list(self, *, limit: int | None = None) -> AsyncPaginator[FileObject, AsyncCursorPage[FileObject]]: ...\n",
    "    retrieve: Final = twin(Files.retrieve)\n    list: Final = twin_list(Files.list)\n",
)


def _with_twins(**replacements: tuple[str, str]) -> dict[str, str]:
    files = {**OLD, **{name: textwrap.dedent(text) for name, text in _TWIN_SOURCES.items()}}
    for name, (old, new) in replacements.items():
        assert old in files[name], (name, old)
        files[name] = files[name].replace(old, new)
    return files


def _twin_breaks(tmp_path: Path, files: dict[str, str]) -> list[str]:
    old = api_check.build_snapshot(_write(tmp_path / "old", _with_twins()))
    new = api_check.build_snapshot(_write(tmp_path / "new", files))
    return [str(b) for b in api_check.find_breaks(old, new)]


def test_a_method_turned_into_its_twin_is_the_same_method(tmp_path: Path) -> None:
    twinned = _with_twins(**{"resources/files.py": _TWINNED})
    snapshot = api_check.build_snapshot(_write(tmp_path / "twinned", twinned))["objects"]
    written = api_check.build_snapshot(_write(tmp_path / "written", _with_twins()))["objects"]
    for name in ("retrieve", "list"):  # stored like the written-out method: parameters and result
        path = f"gptkit.resources.files.AsyncFiles.{name}"
        assert snapshot[path] == written[path], name
    assert _twin_breaks(tmp_path / "check", twinned) == []


def test_a_parameter_removed_through_a_twin_is_still_a_break(tmp_path: Path) -> None:
    files = _with_twins(**{"resources/files.py": _TWINNED})
    files["resources/files.py"] = files["resources/files.py"].replace(
        "def retrieve(self, file_id: str, *, timeout: float | None = None)", "def retrieve(self, file_id: str)")
    assert _twin_breaks(tmp_path, files) == [
        "gptkit.resources.files.AsyncFiles.retrieve: Parameter was removed: parameter 'timeout'",
        "gptkit.resources.files.Files.retrieve: Parameter was removed: parameter 'timeout'",
    ]
    # and an attribute that is no twin stays an attribute: a method turned into it breaks
    files = _with_twins(**{"resources/files.py": _TWINNED})
    files["resources/files.py"] = files["resources/files.py"].replace(
        "twin(Files.retrieve)", "Files.retrieve")
    assert _twin_breaks(tmp_path / "plain", files) == [
        "gptkit.resources.files.AsyncFiles.retrieve: Public object points to a different kind of object: "
        "function -> attribute",
    ]


# Overloaded methods written once (gptkit/resources/_twin.py): results named by a generic base's
# parameters, or declared for type checkers under ``if TYPE_CHECKING:`` with the sync method run.
_OVERLOADED = '''
    from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

    from gptkit.resources._twin import twin

    __all__ = ["AsyncChat", "Chat"]

    _P = TypeVar("_P")
    _S = TypeVar("_S")

    class _Create(Generic[_P, _S]):
        @overload
        def create(self, *, stream: Literal[False] = False, model: str) -> _P: ...
        @overload
        def create(self, *, stream: Literal[True], model: str) -> _S: ...
        def create(self, *, stream: bool = False, model: str) -> Any: ...

    class Chat(_Create[int, str]):
        def parse(self, *, response_format: Any = None, model: str) -> Any: ...

    class AsyncChat(_Create[int, str]):
        if TYPE_CHECKING:
            @overload
            async def parse(self, *, response_format: type[int], model: str) -> int: ...
            @overload
            async def parse(self, *, response_format: None = None, model: str) -> None: ...
            async def parse(self, *, response_format: Any = None, model: str) -> Any: ...
        else:
            create = twin(_Create.create)
            parse = twin(Chat.parse)
'''


def _overloaded(tmp_path: Path, old: str, new: str, count: int = 1) -> list[str]:
    files = _with_twins(**{"resources/files.py": _TWINNED})
    files["resources/chat.py"] = textwrap.dedent(_OVERLOADED)
    before = api_check.build_snapshot(_write(tmp_path / "old", files))
    text = files["resources/chat.py"]
    assert text.count(old) == count, old
    files["resources/chat.py"] = text.replace(old, new)
    return [str(b) for b in api_check.find_breaks(before, api_check.build_snapshot(_write(tmp_path / "new", files)))]


def test_a_parameter_removed_from_a_generic_base_breaks_both_clients(tmp_path: Path) -> None:
    assert _overloaded(tmp_path, "model: str) -> _S", "model: str = '') -> _S") == []
    assert _overloaded(tmp_path / "removed", "def create(self, *, stream: bool = False, model: str) -> Any",
                       "def create(self, *, stream: bool = False) -> Any") == [
        "gptkit.resources.chat.AsyncChat.create: Parameter was removed: parameter 'model'",
        "gptkit.resources.chat.Chat.create: Parameter was removed: parameter 'model'",
    ]


def test_a_declared_method_must_take_what_its_runtime_method_takes(tmp_path: Path) -> None:
    # removed from the method that runs but still declared for type checkers: the check fails
    with pytest.raises(api_check.SnapshotError, match=r"AsyncChat\.parse is declared .* runtime it is gptkit\.resources\.chat\.Chat\.parse"):
        _overloaded(tmp_path, "def parse(self, *, response_format: Any = None, model: str) -> Any: ...\n\n",
                    "def parse(self, *, response_format: Any = None) -> Any: ...\n\n")
    # removed from both: a break of both clients
    assert _overloaded(tmp_path / "both", "response_format: Any = None, model: str) -> Any",
                       "response_format: Any = None) -> Any", count=2) == [
        "gptkit.resources.chat.AsyncChat.parse: Parameter was removed: parameter 'model'",
        "gptkit.resources.chat.Chat.parse: Parameter was removed: parameter 'model'",
    ]
