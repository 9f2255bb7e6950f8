"""Helpers for the command-line tests: run ``python -m gptkit`` as a user would, in a pipe or a pty."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping

#: The command line, as `python -m gptkit` (the `gptkit` script is tested once on its own).
GPTKIT = [sys.executable, "-m", "gptkit"]

#: Where a proxy would be: a closed port, so any request that escapes to a "real" network fails.
CLOSED = "http://127.0.0.1:9"


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def cli_env(base_url: str | None = None, api_key: str | None = "sk-cli-test-key", *, offline: bool = False,
            **extra: str) -> dict[str, str]:
    """The environment of a user's shell: no OPENAI_*/GPTKIT_* of ours, no colour.

    ``offline=True`` makes the real network unreachable for HTTP clients: every proxy variable
    points at a closed port and nothing is exempt from it.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.upper().startswith(("OPENAI_", "GPTKIT_", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                                        "NO_PROXY", "NO_COLOR", "PYTHONUNBUFFERED"))}
    env["NO_COLOR"] = "1"
    if base_url is not None:
        env["OPENAI_BASE_URL"] = base_url
    if api_key is not None:
        env["OPENAI_API_KEY"] = api_key
    if offline:
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            env[name] = env[name.lower()] = CLOSED
        env["NO_PROXY"] = env["no_proxy"] = ""
    env.update(extra)
    return env


def run(*args: str, env: Mapping[str, str], input: str | None = None, timeout: float = 30
        ) -> subprocess.CompletedProcess[str]:
    """Run ``gptkit ARGS`` to completion."""
    return subprocess.run([*GPTKIT, *args], env=dict(env), input=input, capture_output=True, text=True,
                          timeout=timeout, stdin=None if input is not None else subprocess.DEVNULL)


def run_many(*commands: tuple[str, ...], env: Mapping[str, str], input: str | None = None
             ) -> list[subprocess.CompletedProcess[str]]:
    """Run several ``gptkit`` commands at once (each one is mostly interpreter start-up)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        return list(pool.map(lambda args: run(*args, env=env, input=input), commands))


class Terminal:
    """``gptkit ARGS`` in a pseudo-terminal that is its controlling terminal (so ^C is SIGINT)."""

    def __init__(self, *args: str, env: Mapping[str, str]) -> None:
        self.master, slave = os.openpty()
        # A new session whose controlling terminal is the pty: the terminal driver then turns a
        # typed ^C into SIGINT for the program, exactly as in a user's terminal.
        launcher = ("import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
                    "os.execv(sys.executable, [sys.executable, '-m', 'gptkit', *sys.argv[1:]])")
        self.process = subprocess.Popen([sys.executable, "-c", launcher, *args], stdin=slave, stdout=slave,
                                        stderr=slave, env=dict(env), start_new_session=True, close_fds=True)
        os.close(slave)
        self.buffer = ""
        self.seen = 0  # how much of the buffer earlier expectations consumed

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the program ended and closed the terminal
            return False
        if not data:
            return False
        self.buffer += data.decode("utf-8", "replace")
        return True

    def expect(self, pattern: str, timeout: float = 10.0) -> re.Match[str]:
        """Wait until ``pattern`` (a regex) appears after what earlier expectations matched."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while True:
            found = regex.search(self.buffer, self.seen)
            if found:
                self.seen = found.end()
                return found
            left = deadline - time.monotonic()
            if left <= 0 or (not self._read(min(left, 0.5)) and self.process.poll() is not None
                             and not self._read(0.1)):
                raise AssertionError(f"{pattern!r} did not appear; the terminal shows:\n{self.buffer[self.seen:]}")

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def line(self, text: str) -> None:
        self.type(text + "\r")

    def interrupt(self) -> None:
        self.type("\x03")  # ^C: the terminal sends SIGINT

    def wait(self, timeout: float = 10.0) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        return self.process.wait(timeout=max(0.1, deadline - time.monotonic()))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=5)
        os.close(self.master)
