"""The exit codes of every ``gptkit`` command, in one table (docs/cli.md shows the same table).

A leaf module: the command line and the batch runner's summary both read it, and a test checks
that docs/cli.md lists exactly these codes with these meanings.
"""

from __future__ import annotations

__all__ = ["EXIT", "EXIT_MEANINGS"]

#: (name, code, meaning), in the order docs/cli.md lists them.
EXIT_MEANINGS: tuple[tuple[str, int, str], ...] = (
    ("ok", 0, "success; `batch`: every request succeeded"),
    ("error", 1, "an API error not listed below (a 5xx after retries, an unreadable answer), a failed "
                 "Batch API job; `batch`: done, but some requests failed (see the failures file)"),
    ("usage", 2, "a bad option or argument, no question given, an invalid input file: nothing was sent"),
    ("config", 3, "no API key, an invalid base URL or option value"),
    ("auth", 4, "the key was refused (401) or lacks permission (403)"),
    ("network", 5, "the server could not be reached or timed out, or cut its answer short"),
    ("budget", 6, "the budget refused a call, or cannot bound it (a model with no known price): nothing "
                  "was sent"),
    ("not_found", 7, "not found: a model, endpoint or batch the server does not know (404); "
                     "`price` of a model with no known price"),
    ("stopped", 8, "`batch`: stopped before the end (budget, quota, a refused key, an expired or "
                   "cancelled Batch API job); run the same command again to do the rest"),
    ("interrupted", 130, "interrupted with Ctrl-C (`batch run`: or SIGTERM; run it again to resume)"),
)

#: Exit codes by name.
EXIT: dict[str, int] = {name: code for name, code, _ in EXIT_MEANINGS}
