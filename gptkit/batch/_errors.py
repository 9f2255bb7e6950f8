"""The errors of batch jobs."""

from __future__ import annotations

from typing import Any

from gptkit._exceptions import GptkitError

__all__ = ["BatchFileError", "BatchInputError", "BatchJobError", "InputProblem"]


class InputProblem:
    """One problem found in an input file: where (``line`` None: the whole file), which request,
    and what is wrong."""

    __slots__ = ("custom_id", "line", "message")

    def __init__(self, line: int | None, message: str, custom_id: str | None = None) -> None:
        self.line: int | None = line
        self.message: str = message
        self.custom_id: str | None = custom_id

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        who = f" (custom_id {self.custom_id!r})" if self.custom_id is not None else ""
        return f"line {self.line}{who}: {self.message}"

    def __repr__(self) -> str:
        return f"InputProblem({str(self)!r})"


class BatchInputError(GptkitError, ValueError):
    """The input file has problems; nothing was sent.

    ``problems`` lists the first ones found (up to ``max_problems`` of ``validate_input``), each
    with its line number; ``total_problems`` counts them all.
    """

    def __init__(self, path: str, problems: list[InputProblem], total_problems: int) -> None:
        if len(problems) == 1 and problems[0].line is None:  # the file itself: missing, unreadable, empty
            super().__init__(f"{path}: {problems[0]}")
        else:
            shown = "\n  ".join(str(p) for p in problems)
            more = total_problems - len(problems)
            tail = f"\n  ... and {more} more" if more > 0 else ""
            super().__init__(f"{path}: {total_problems} invalid line(s):\n  {shown}{tail}")
        self.path = path
        self.problems = problems
        self.total_problems = total_problems


class BatchFileError(GptkitError):
    """A results or failures file cannot be used to resume (corrupt, foreign, or in use)."""


class BatchJobError(GptkitError):
    """A Batch API job cannot be fetched: not finished yet (``wait=True`` waits) or it failed.

    ``batch`` is the job as last retrieved.
    """

    def __init__(self, message: str, batch: Any) -> None:
        super().__init__(message)
        self.batch = batch
