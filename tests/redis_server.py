"""A private ``redis-server`` for fault tests: stopped, paused, emptied and started again at will.

The machine's shared Redis (127.0.0.1:6379) is used by every helper's tests at once, so tests
that take Redis away start their own on a free port, in a temp dir. With ``persist=True`` it
writes an append-only file synced on every write, so a stop and start keeps every change (as a
production Redis for budgets should be run); with ``persist=False`` a restart loses everything.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

__all__ = ["RedisServer", "redis_server_binary"]


def redis_server_binary() -> str | None:
    return shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RedisServer:
    """One ``redis-server`` process on 127.0.0.1 (see the module docstring)."""

    def __init__(self, directory: Path, *, persist: bool = True, extra: tuple[str, ...] = ()) -> None:
        binary = redis_server_binary()
        assert binary is not None, "redis-server is not on PATH"
        self.binary = binary
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.persist = persist
        self.extra = extra
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None
        self.paused = False

    def _args(self) -> list[str]:
        persistence = (["--appendonly", "yes", "--appendfsync", "always"] if self.persist
                       else ["--appendonly", "no"])
        return [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
                "--save", "", *persistence, "--daemonize", "no", "--protected-mode", "no",
                "--logfile", str(self.directory / "redis.log"), *self.extra]

    def client(self, **options: Any) -> Any:
        import redis

        options.setdefault("socket_timeout", 2)
        return redis.Redis.from_url(self.url, **options)

    def client_async(self, **options: Any) -> Any:
        import redis.asyncio

        options.setdefault("socket_timeout", 2)
        return redis.asyncio.Redis.from_url(self.url, **options)

    def start(self) -> None:
        assert self.process is None
        for _attempt in range(3):
            self.process = subprocess.Popen(self._args(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if self._wait_ready():
                return
            self.process.kill()
            self.process.wait()
            self.process = None
            time.sleep(0.2)  # the port may still be held by the previous run
        raise RuntimeError(f"redis-server did not start on port {self.port}: "
                           f"{(self.directory / 'redis.log').read_text()[-2000:]}")

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                return False
            try:
                if self.client(socket_timeout=0.5, socket_connect_timeout=0.5).ping():
                    return True
            except Exception:
                time.sleep(0.02)
        return False

    def stop(self) -> None:
        """A clean shutdown (SIGTERM): with ``persist`` every change is on disk."""
        if self.process is None:
            return
        if self.paused:
            self.resume()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self, *, empty: bool = False) -> None:
        """Stop and start again on the same port; ``empty``: as if nothing had been persisted."""
        self.stop()
        if empty:
            for path in self.directory.iterdir():
                if path.name != "redis.log":
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
        self.start()

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections stay open and nothing answers."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)
        self.paused = True

    def resume(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)
        self.paused = False

    def close(self) -> None:
        self.stop()
