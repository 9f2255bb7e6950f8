"""``client.moderations``: classify text and images as potentially harmful (free of charge)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import NOT_GIVEN, NotGiven, ParamValidator
from gptkit._cost._meter import Meter
from gptkit.resources._common import body_params, invalid
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin
from gptkit.types.moderation_create_params import ModerationCreateParams, ModerationMultiModalInputParam
from gptkit.types.moderation_create_response import ModerationCreateResponse
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncModerations", "Moderations"]

MODERATIONS = Endpoint(
    method="POST", path="/moderations", response=ModerationCreateResponse,
    validator=ParamValidator(ModerationCreateParams, "moderations.create"), meter=Meter(free=True),
)

ModerationInput = str | Sequence[str] | Iterable[ModerationMultiModalInputParam]


def _params(input: ModerationInput, model: Any, options: RequestOptions) -> dict[str, Any]:
    items = input if isinstance(input, (str, Sequence)) else list(input)
    if not items:
        raise invalid("moderations.create", "input", "is empty")
    return body_params({"input": items, "model": model}, options)


class Moderations(SyncResource):
    """Moderations of a ``Client``."""

    def create(
        self, *, input: ModerationInput, model: str | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> ModerationCreateResponse:
        """Classify ``input`` (a string, strings, or text and image parts) with ``model``."""
        return cast(ModerationCreateResponse, self._send(MODERATIONS, _params(input, model, options)))


class AsyncModerations(AsyncResource):
    """Moderations of an ``AsyncClient``."""

    create: Final = twin(Moderations.create)
