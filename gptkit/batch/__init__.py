"""Batch jobs: run a JSONL file of requests resumably, or send it through the Batch API.

- ``run`` / ``arun``: send every line at a bounded concurrency through an ``AsyncClient`` (its
  retry policy, rate limiter and budget apply), appending results and failures as they finish;
  the same call resumes after a crash.
- ``submit`` / ``status`` / ``fetch`` (and ``asubmit`` / ``astatus`` / ``afetch``): the same
  file through the provider's Batch API, with results written in the same format.
- ``validate_input``: check a file up front (line numbers in every error).
- ``Shard``: split one input between workers (``run(..., shard="2/4")``) by a stable hash.

Also a command: ``python -m gptkit.batch run input.jsonl -o results.jsonl``.
"""

from gptkit.batch._errors import BatchFileError, BatchInputError, BatchJobError, InputProblem
from gptkit.batch._input import ENDPOINTS, BatchRequest, InputReport, iter_requests, validate_input
from gptkit.batch._remote import afetch, astatus, asubmit, fetch, status, submit
from gptkit.batch._run import arun, run
from gptkit.batch._runner import DEFAULT_STOP_ON, default_failures_path
from gptkit.batch._shard import Shard
from gptkit.batch._stats import BatchSummary

__all__ = [
    "DEFAULT_STOP_ON",
    "ENDPOINTS",
    "BatchFileError",
    "BatchInputError",
    "BatchJobError",
    "BatchRequest",
    "BatchSummary",
    "InputProblem",
    "InputReport",
    "Shard",
    "afetch",
    "arun",
    "astatus",
    "asubmit",
    "default_failures_path",
    "fetch",
    "iter_requests",
    "run",
    "status",
    "submit",
    "validate_input",
]
