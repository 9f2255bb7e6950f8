"""The cassette file format: one JSON document per test, read and written here only.

```
{"format": "gptkit-cassette", "version": 1, "gptkit_version": "...", "recorded_at": "...Z",
 "interactions": [{"request": {...}, "response": {...}} | {"request": {...}, "error": {...}}]}
```
A request keeps method, path, query, allow-listed headers and its JSON body; a response keeps
status, allow-listed headers, time to headers (``t``) and either its JSON ``body``, its
``text``/``base64`` body, or for event streams each ``chunks`` item as received with its time
offset; ``error`` is a transport error (its httpx class name and message), raised before the
response or, inside ``response``, after its chunks.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "CassetteError",
    "Interaction",
    "RecordedError",
    "RecordedRequest",
    "RecordedResponse",
    "dump_cassette",
    "load_cassette",
]

FORMAT_NAME = "gptkit-cassette"
FORMAT_VERSION = 1


class CassetteError(AssertionError):
    """A cassette problem: no recorded match, a bad file, or a secret about to be written.

    An ``AssertionError`` so that a test using the cassette fails (rather than errors) with the
    message, and so no retry policy mistakes it for a network fault.
    """


@dataclass
class RecordedError:
    """A transport error: the httpx exception class name, its message, when it happened."""

    type: str
    message: str
    t: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "message": self.message, "t": round(self.t, 6)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordedError:
        return cls(str(data["type"]), str(data.get("message", "")), float(data.get("t", 0.0)))


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    #: A body that is not JSON, as text.
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"method": self.method, "path": self.path, "query": self.query,
                                "headers": self.headers, "body": self.body}
        if self.text is not None:
            data["text"] = self.text
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordedRequest:
        return cls(str(data["method"]).upper(), str(data["path"]), str(data.get("query", "")),
                   {str(k).lower(): str(v) for k, v in dict(data.get("headers") or {}).items()},
                   data.get("body"), data.get("text"))


@dataclass
class RecordedResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds from sending the request to receiving the headers.
    t: float = 0.0
    #: Body pieces as received, each with its offset from sending the request.
    chunks: list[tuple[float, bytes]] = field(default_factory=list)
    stream: bool = False
    error: RecordedError | None = None

    @property
    def content(self) -> bytes:
        return b"".join(data for _, data in self.chunks)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status, "headers": self.headers, "t": round(self.t, 6)}
        if self.stream:
            data["chunks"] = [_chunk_json(t, piece) for t, piece in self.chunks]
        else:
            content = self.content
            if "content-encoding" in self.headers:
                data["base64"] = base64.b64encode(content).decode("ascii")
            else:
                try:
                    data["body"] = json.loads(content) if content else None
                except ValueError:
                    _put_text(data, content)
        if self.error is not None:
            data["error"] = self.error.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordedResponse:
        headers = {str(k).lower(): str(v) for k, v in dict(data.get("headers") or {}).items()}
        response = cls(int(data["status"]), headers, float(data.get("t", 0.0)))
        if "chunks" in data:
            response.stream = True
            response.chunks = [(float(c.get("t", 0.0)), _chunk_bytes(c)) for c in data["chunks"]]
        elif "base64" in data:
            response.chunks = [(response.t, base64.b64decode(data["base64"]))]
        elif "text" in data:
            response.chunks = [(response.t, str(data["text"]).encode("utf-8"))]
        elif data.get("body") is not None:
            body = json.dumps(data["body"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            response.chunks = [(response.t, body)]
        if data.get("error"):
            response.error = RecordedError.from_json(data["error"])
        return response


def _put_text(data: dict[str, Any], content: bytes) -> None:
    try:
        data["text"] = content.decode("utf-8")
    except UnicodeDecodeError:
        data["base64"] = base64.b64encode(content).decode("ascii")


def _chunk_json(t: float, piece: bytes) -> dict[str, Any]:
    try:
        return {"t": round(t, 6), "text": piece.decode("utf-8")}
    except UnicodeDecodeError:  # a chunk boundary split a character: keep the bytes exact
        return {"t": round(t, 6), "base64": base64.b64encode(piece).decode("ascii")}


def _chunk_bytes(data: dict[str, Any]) -> bytes:
    if "base64" in data:
        return base64.b64decode(data["base64"])
    return str(data.get("text", "")).encode("utf-8")


@dataclass
class Interaction:
    """One request and what came back: a response, or a transport error before any."""

    request: RecordedRequest
    response: RecordedResponse | None = None
    error: RecordedError | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"request": self.request.to_json()}
        if self.response is not None:
            data["response"] = self.response.to_json()
        if self.error is not None:
            data["error"] = self.error.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Interaction:
        return cls(
            RecordedRequest.from_json(data["request"]),
            RecordedResponse.from_json(data["response"]) if data.get("response") else None,
            RecordedError.from_json(data["error"]) if data.get("error") else None,
        )


def load_cassette(path: Path) -> list[Interaction]:
    """The interactions of the cassette at ``path``; a clear ``CassetteError`` if unreadable."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CassetteError(f"cannot read cassette {path}: {exc}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise CassetteError(f"{path} is not a gptkit cassette (no \"format\": \"{FORMAT_NAME}\")")
    version = document.get("version")
    if version != FORMAT_VERSION:
        raise CassetteError(f"{path} has cassette format version {version!r}; this gptkit reads "
                            f"version {FORMAT_VERSION}")
    try:
        return [Interaction.from_json(item) for item in document.get("interactions", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise CassetteError(f"{path} has a malformed interaction: {exc!r}") from None


def dump_cassette(path: Path, interactions: list[dict[str, Any]], check: Callable[[Path], None]) -> None:
    """Write already scrubbed interactions atomically (a crash never leaves half a file).

    ``check`` reads the written temporary file and raises if it must not be kept (a secret in
    it); then the file is removed and the previous cassette, if any, stays as it was.
    """
    from gptkit._version import __version__

    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "gptkit_version": __version__,
        "recorded_at": datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "interactions": interactions,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        check(Path(temp))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
