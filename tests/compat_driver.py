"""Run the compatibility programs under one package, each in a forked child, and print JSON results.

Usage: ``python tests/compat_driver.py openai|gptkit < job.json``; the job holds ``programs``, a list
of ``{"name", "path", "base_url", "env"}`` (``env``: extra environment variables, optional), and ``warm_url``, a fake for the warm-up calls (or null). The package is imported once, before forking, so each program
costs a fork rather than an interpreter start and an import (the suite stays fast), and each
starts from the same fresh module state, as a script would. Under ``gptkit`` the program text has
its imports changed to ``import gptkit as openai`` / ``from gptkit... import`` (what a user does);
nothing else is touched. A result holds the program's stdout, stderr and exit code.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import tempfile
import time
import traceback
import types
from typing import Any

TIMEOUT = 30  # seconds a program may run before its child is killed (SIGALRM)

_IMPORT = re.compile(r"^(\s*)import openai[ \t]*$", re.MULTILINE)
_FROM = re.compile(r"^(\s*)from openai(\.[\w.]+)? import ", re.MULTILINE)


def as_gptkit(source: str) -> str:
    """The program with only its imports changed: ``import gptkit as openai``."""
    source = _IMPORT.sub(r"\1import gptkit as openai", source)
    return _FROM.sub(lambda m: f"{m.group(1)}from gptkit{m.group(2) or ''} import ", source)


def _child(package: str, item: dict[str, Any], out: int, err: int, workdir: str) -> None:
    """Run one program as ``__main__`` with fds 1 and 2 on files; never returns."""
    os.dup2(out, 1)
    os.dup2(err, 2)
    signal.alarm(TIMEOUT)
    os.chdir(workdir)
    os.environ["OPENAI_BASE_URL"] = item["base_url"]
    os.environ["OPENAI_API_KEY"] = "sk-compat-programs"
    os.environ.update(item.get("env", {}))  # a program's own variables (the Azure ones)
    path = item["path"]
    sys.argv = [path]
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    if package == "gptkit":
        source = as_gptkit(source)
    code = 0
    try:
        # A real ``__main__`` module, as for a script: pydantic resolves names through it.
        main = types.ModuleType("__main__")
        main.__file__ = path
        sys.modules["__main__"] = main
        exec(compile(source, path, "exec"), main.__dict__)
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


_RESOURCES = ("chat.completions", "beta.chat.completions", "completions", "embeddings", "moderations",
              "images", "audio.speech", "audio.transcriptions", "files", "batches", "models", "responses",
              "fine_tuning.jobs", "vector_stores", "uploads", "conversations")


def _warm(package: str, base_url: str | None) -> None:
    """Import the package and load what its programs touch first (once, before the forks).

    With ``base_url`` (a fake of its own) it also makes a few calls, so the modules and models
    that a call loads lazily are loaded once here rather than in every child.
    """
    import asyncio

    module = __import__(package)
    for factory in (module.OpenAI, module.AsyncOpenAI):
        client = factory(api_key="sk-warm", base_url="http://127.0.0.1:9/v1")
        for dotted in _RESOURCES:
            target: Any = client
            for part in dotted.split("."):
                target = getattr(target, part, None)
    if base_url is None:
        return
    messages = [{"role": "user", "content": "warm"}]
    with module.OpenAI(api_key="sk-warm", base_url=base_url) as client:
        client.chat.completions.create(model="gpt-4o", messages=messages)
        for _ in client.chat.completions.create(model="gpt-4o", messages=messages, stream=True):
            pass
        client.embeddings.create(model="text-embedding-3-small", input="warm")
        client.responses.create(model="gpt-4o", input="warm")

    async def warm_async() -> None:
        aclient = module.AsyncOpenAI(api_key="sk-warm", base_url=base_url)
        await aclient.chat.completions.create(model="gpt-4o", messages=messages)
        await aclient.close()

    asyncio.run(warm_async())


def main() -> None:
    package = sys.argv[1]
    job = json.load(sys.stdin)
    plan = job["programs"]
    _warm(package, job.get("warm_url"))
    results: dict[str, dict[str, Any]] = {}
    for item in plan:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                tempfile.TemporaryDirectory() as workdir:
            sys.stdout.flush()
            sys.stderr.flush()
            started = time.monotonic()
            pid = os.fork()
            if pid == 0:
                _child(package, item, out.fileno(), err.fileno(), workdir)
            _, status = os.waitpid(pid, 0)
            out.seek(0)
            err.seek(0)
            results[item["name"]] = {
                "exit": os.waitstatus_to_exitcode(status),
                "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace"),
                "seconds": round(time.monotonic() - started, 3),
            }
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
