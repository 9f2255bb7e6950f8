"""``client.fine_tuning.alpha.graders``: try a grader on a sample (``run``) and check that the
API accepts it (``validate``) before starting a reinforcement fine-tuning job with it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, cast

from typing_extensions import Required, TypedDict, Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._common import body_params, invalid
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin
from gptkit.types.fine_tuning.alpha.grader_run_params import Grader
from gptkit.types.fine_tuning.alpha.grader_run_response import GraderRunResponse
from gptkit.types.fine_tuning.alpha.grader_validate_response import GraderValidateResponse
from gptkit.types.request_options import RequestOptions

__all__ = ["Alpha", "AsyncAlpha", "AsyncGraders", "Graders"]



class _RunBody(TypedDict, total=False):
    # The grader is checked by ``_grader`` and passed on as given: the API knows more grader
    # shapes than the official types spell (a multi grader's graders by name).
    grader: Required[Mapping[str, Any]]
    model_sample: Required[str]
    item: object


class _ValidateBody(TypedDict, total=False):
    grader: Required[Mapping[str, Any]]


RUN = Endpoint(method="POST", path="/fine_tuning/alpha/graders/run", response=GraderRunResponse,
               validator=ParamValidator(_RunBody, "fine_tuning.alpha.graders.run"))
VALIDATE = Endpoint(method="POST", path="/fine_tuning/alpha/graders/validate",
                    response=GraderValidateResponse,
                    validator=ParamValidator(_ValidateBody, "fine_tuning.alpha.graders.validate"))


def _grader(call: str, grader: object) -> Mapping[str, Any]:
    """The grader, checked before anything is sent: a dict naming its ``type``."""
    if not isinstance(grader, Mapping):
        raise invalid(call, "grader", f"must be a dict (a grader such as {{'type': 'string_check', ...}}), "
                                      f"not {type(grader).__name__}")
    if not isinstance(grader.get("type"), str) or not grader["type"]:
        raise invalid(call, "grader", "needs its 'type' ('string_check', 'text_similarity', 'python', "
                                      "'score_model' or 'multi')")
    return grader


class Graders(SyncResource):
    """The graders of a ``Client`` (``AsyncGraders`` runs the same methods)."""

    def run(self, *, grader: Grader, model_sample: str, item: object = None,
            **options: Unpack[RequestOptions]) -> GraderRunResponse:
        """Score ``model_sample`` (the ``sample`` of the grader's templates) with ``grader``;
        ``item`` fills its ``item`` namespace. Returns the reward and the grader's metadata."""
        call = "fine_tuning.alpha.graders.run"
        if not isinstance(model_sample, str):
            raise invalid(call, "model_sample", f"must be a string, not {type(model_sample).__name__}")
        params = body_params({"grader": _grader(call, grader), "model_sample": model_sample, "item": item},
                             options)  # item=None is left out, as the official ``omit``
        return cast(GraderRunResponse, self._send(RUN, params))

    def validate(self, *, grader: Grader, **options: Unpack[RequestOptions]) -> GraderValidateResponse:
        """Check ``grader`` with the API: the answer holds the grader as the API read it."""
        params = body_params({"grader": _grader("fine_tuning.alpha.graders.validate", grader)}, options)
        return cast(GraderValidateResponse, self._send(VALIDATE, params))


class AsyncGraders(AsyncResource):
    """The graders of an ``AsyncClient``: ``Graders``'s methods, awaited."""

    run: Final = twin(Graders.run)
    validate: Final = twin(Graders.validate)


class Alpha(SyncResource):
    """``client.fine_tuning.alpha``: the alpha fine-tuning features (graders)."""

    @property
    def graders(self) -> Graders:
        """``client.fine_tuning.alpha.graders.run(...)`` / ``validate(...)``."""
        return self._sub(Graders)


class AsyncAlpha(AsyncResource):
    """``client.fine_tuning.alpha`` of an ``AsyncClient``."""

    @property
    def graders(self) -> AsyncGraders:
        """``await client.fine_tuning.alpha.graders.run(...)`` / ``validate(...)``."""
        return self._sub(AsyncGraders)
