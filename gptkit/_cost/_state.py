"""A client's money state and the hooks the I/O loops call: reserve, account, settle, release.

One logical call goes: ``reserve`` (before the retry loop; refuses before anything is sent) ->
attempts -> ``account`` (once, with the final result: cost, ledger, settle) or ``release`` (the
call failed, nothing was billed). A stream calls ``account`` when it ends, and also when it is
closed or breaks after reaching the caller: with the partial answer, since the server billed
what it generated. A stream that fails before reaching the caller is a failed attempt (the
retry loop's), released only if the whole call fails. Every step is idempotent per call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from gptkit import _clock
from gptkit._cost._budget import BudgetBackend, Reservation
from gptkit._cost._ledger import PRICING_KEYS, Ledger, PendingCost, database_loaded
from gptkit._cost._meter import Meter, Units, token_counts
from gptkit._cost._model_price import ModelPrice
from gptkit._cost._prices import PriceTable, as_price_table
from gptkit._cost._providers import price_provider_for
from gptkit._exceptions import APIResponseValidationError, UnknownPriceError

if TYPE_CHECKING:  # the type tree loads with the first call's resource, not with `import gptkit`
    import asyncio

    from gptkit.types._base import APIObject
    from gptkit.types.cost import Cost

__all__ = ["KEEP", "BilledCall", "CostState", "Hold", "UsageCounts", "usage_counts"]

_UNSET: Any = object()
#: ``with_options`` default for budget/prices/ledger: keep sharing the original's.
KEEP: Any = object()


@dataclass
class Hold:
    """A call's budget reservation, and the settlement still owed to an I/O-bound budget."""

    reservation: Reservation
    budget: BudgetBackend
    #: The real cost once known (None: unknown, charge the whole hold); _UNSET: not finished.
    actual: Any = _UNSET
    pending: Any = field(default=None, repr=False)


class _BilledEndpoint(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def response(self) -> type[APIObject]: ...
    @property
    def meter(self) -> Meter | None: ...
    @property
    def records_usage(self) -> bool: ...


class BilledCall(Protocol):
    """What the money steps read of one call (``gptkit._core._base.Call`` is one); they keep the
    call's reservation in ``hold`` and mark it ``accounted`` once."""

    hold: Hold | None
    accounted: bool

    @property
    def body(self) -> Mapping[str, Any] | None: ...
    @property
    def model(self) -> str | None: ...
    @property
    def tags(self) -> Mapping[str, str]: ...
    @property
    def endpoint(self) -> _BilledEndpoint: ...


class CostState:
    """Prices, ledger and budget of one client (copies made by ``with_options`` share them)."""

    def __init__(
        self,
        *,
        base_url: str,
        budget: BudgetBackend | None,
        prices: PriceTable | Mapping[str, ModelPrice] | None,
        ledger: Ledger | None,
        is_async: bool,
    ) -> None:
        if budget is not None and not isinstance(budget, BudgetBackend):
            raise TypeError(
                f"budget must be a gptkit.Budget or gptkit.RedisBudget, not {type(budget).__name__}"
            )
        if ledger is not None and not isinstance(ledger, Ledger):
            raise TypeError(f"ledger must be a gptkit.Ledger, not {type(ledger).__name__}")
        self.prices = as_price_table(prices)
        self.budget = budget
        self.ledger = ledger if ledger is not None else Ledger()
        self.base_url = base_url
        #: The price database's provider id (None: found from the URL or the model's name).
        self.provider: str | None = price_provider_for(base_url)
        self.is_async = is_async
        self._tasks: set[asyncio.Task[None]] = set()

    def derive(self, base_url: str, *, budget: Any = KEEP, prices: Any = KEEP,
               ledger: Any = KEEP) -> CostState:
        """The state of a ``with_options`` copy: shared unless a part is replaced."""
        state = CostState(
            base_url=base_url,
            budget=self.budget if budget is KEEP else budget,
            prices=self.prices if prices is KEEP else prices,
            ledger=self.ledger if ledger is KEEP else ledger,
            is_async=self.is_async,
        )
        if base_url == self.base_url:
            state.provider = self.provider  # keeps a provider another layer set on purpose
        return state

    # -- before sending ---------------------------------------------------------------------

    def worst_case(self, call: BilledCall) -> Decimal | None:
        """The most ``call`` can cost, or None when its model has no known price."""
        body = call.body or {}
        meter = call.endpoint.meter
        if meter is not None:
            if meter.free:
                return Decimal(0)
            units = meter.bound(body)
            if units is None:
                return None
            metered = self.prices.cost_units(call.model or "", units, provider=self.provider,
                                             api_url=self.base_url, warn=False)
            return None if metered is None else metered.total
        from gptkit._cost._limits import worst_case_tokens  # budgets only

        prompt, output = worst_case_tokens(body, call.model, call.endpoint.path)
        cost = self.prices.cost(
            call.model or "", prompt_tokens=prompt, completion_tokens=output, provider=self.provider,
            api_url=self.base_url, service_tier=body.get("service_tier"), warn=False,
        )
        return None if cost is None else cost.total

    def _plan(self, call: BilledCall) -> Decimal | None:
        """The amount to reserve for ``call`` (None: nothing to reserve)."""
        budget = self.budget
        if budget is None or call.hold is not None or call.body is None:
            return None
        from gptkit.types._base import BilledObject

        meter = call.endpoint.meter
        if meter is None and not issubclass(call.endpoint.response, BilledObject):
            return None
        amount = self.worst_case(call)
        if amount is None:
            if budget.allow_unpriced:
                return None
            model = call.model or "(no model)"
            if meter is not None and self.prices.lookup(model, provider=self.provider,
                                                         api_url=self.base_url) is not None:
                raise UnknownPriceError(
                    f"The budget cannot bound a call to {call.endpoint.path}: what it costs depends on what "
                    f"the server measures (the length of the audio, the input images). Nothing was sent. "
                    f"Create the budget with allow_unpriced=True to let such calls through uncounted.",
                    model=call.model,
                )
            raise UnknownPriceError(
                f"The budget cannot bound a call to {model!r}: no price is known for it. Nothing was "
                f"sent. Add one with prices={{{model!r}: gptkit.ModelPrice(...)}} or create the budget "
                f"with allow_unpriced=True.",
                model=call.model,
            )
        return amount if amount > 0 else None

    def reserve(self, call: BilledCall) -> None:
        amount = self._plan(call)
        if amount is not None and self.budget is not None:
            call.hold = Hold(self.budget.reserve(amount, model=call.model), self.budget)

    async def areserve(self, call: BilledCall) -> None:
        amount = self._plan(call)
        if amount is not None and self.budget is not None:
            call.hold = Hold(await self.budget.areserve(amount, model=call.model), self.budget)

    # -- after the call ---------------------------------------------------------------------

    def price(self, call: BilledCall, result: APIObject) -> Cost | None:
        meter = call.endpoint.meter
        if meter is not None:
            return self._metered_cost(call, result, meter, meter.used(call.body, result))
        found = self._pricing(call, result)
        if found is None:
            return None
        return self.prices.cost(found[0], **dict(zip(PRICING_KEYS, found[1], strict=True)))

    def price_or_defer(self, call: BilledCall, result: APIObject) -> Cost | PendingCost | None:
        """``price``, or a ``PendingCost`` while the price database is not loaded (priced when read)."""
        if call.endpoint.meter is not None or not self.prices.needs_database or database_loaded():
            return self.price(call, result)
        found = self._pricing(call, result)
        return None if found is None else PendingCost(self.prices, found[0], _clock.current.wall(), found[1])

    def _pricing(self, call: BilledCall, result: APIObject) -> tuple[str, tuple[Any, ...]] | None:
        """The model ``result`` is priced as, and the values of ``PRICING_KEYS`` (None: no usage)."""
        usage = getattr(result, "usage", None)
        if usage is None:
            return None
        response_model = getattr(result, "model", None) or call.model or ""
        counts = usage_counts(usage)  # chat's names or the Responses API's
        tier = getattr(result, "service_tier", None) or (call.body or {}).get("service_tier")
        return response_model, (
            counts.prompt, counts.completion, counts.cached, counts.reasoning, self.provider, self.base_url,
            tier if isinstance(tier, str) else None, bool(getattr(usage, "estimated", False)),
            (call.model,) if call.model else (),
        )

    def account(self, call: BilledCall, result: APIObject) -> None:
        """Cost -> ``result._cost`` -> ledger -> budget settlement, once per logical call."""
        if call.accounted:
            return
        call.accounted = True
        from gptkit.types._base import BilledObject

        meter = call.endpoint.meter
        if meter is not None:
            self._account_metered(call, result, meter)
            return
        if not isinstance(result, BilledObject):
            self.release(call)
            return
        if not call.endpoint.records_usage:
            result._cost = self.price(call, result)  # shown; billed when the object was created
            self.release(call)
            return
        # No budget to settle: the cost may be priced when first read (``PendingCost``).
        cost = self.price(call, result) if call.hold is not None else self.price_or_defer(call, result)
        result._cost = cost  # type: ignore[assignment]  # BilledObject.cost prices a PendingCost
        counts = usage_counts(getattr(result, "usage", None))
        self.ledger.record(
            model=call.model or getattr(result, "model", None),
            tags=call.tags,
            prompt_tokens=counts.prompt,
            cached_tokens=counts.cached,
            completion_tokens=counts.completion,
            reasoning_tokens=counts.reasoning,
            cost=cost,  # type: ignore[arg-type]  # a PendingCost is priced when the ledger is read
        )
        if call.hold is not None:
            assert not isinstance(cost, PendingCost)
            self._settle(call, None if cost is None else cost.total)

    def _metered_cost(self, call: BilledCall, result: Any, meter: Meter, units: Units | None) -> Cost | None:
        model = call.model or getattr(result, "model", None) or ""
        if meter.free:
            from gptkit.types.cost import Cost

            return Cost(model=model or None, price_source="free")
        if units is None:
            # Nothing measured to bill by (a transcript asked for as plain text, a DALL-E image):
            # cost None, with the usual warning when the model has no price either.
            if self.prices.lookup(model, provider=self.provider, api_url=self.base_url) is None:
                self.prices.warn_unpriced(model, self.provider)
            return None
        return self.prices.cost_units(model, units, provider=self.provider, api_url=self.base_url)

    def _account_metered(self, call: BilledCall, result: Any, meter: Meter) -> None:
        units = meter.used(call.body, result)
        cost = self._metered_cost(call, result, meter, units)
        if hasattr(result, "_cost"):  # typed results and audio content report it (a str cannot)
            result._cost = cost
        prompt, completion = token_counts(units)
        self.ledger.record(model=call.model or getattr(result, "model", None), tags=call.tags,
                           prompt_tokens=prompt, completion_tokens=completion, cost=cost)
        self._settle(call, None if cost is None else cost.total)

    def _settle(self, call: BilledCall, actual: Decimal | None, *, release: bool = False) -> None:
        hold: Hold | None = call.hold
        if hold is None or hold.actual is not _UNSET:
            return
        hold.actual = Decimal(0) if release else actual
        budget, reservation = hold.budget, hold.reservation
        loop = None
        if self.is_async and not budget.local:
            import asyncio

            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
        if loop is None:
            if release:
                budget.release(reservation)
            else:
                budget.settle(reservation, actual)
            return
        # An async client must not block its loop on Redis: settle in a task that ``asettle``
        # awaits (the client's own loop does; a stream that only calls ``account`` still settles).
        step = budget.arelease(reservation) if release else budget.asettle(reservation, actual)
        task = loop.create_task(step)
        hold.pending = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def asettle(self, call: BilledCall) -> None:
        """Wait until ``call``'s settlement or release has reached the budget (async clients)."""
        hold: Hold | None = call.hold
        if hold is not None and hold.pending is not None:
            await hold.pending

    def release(self, call: BilledCall) -> None:
        """Give back ``call``'s whole reservation (it failed, nothing was billed)."""
        self._settle(call, None, release=True)

    async def arelease(self, call: BilledCall) -> None:
        hold: Hold | None = call.hold
        if hold is not None and hold.actual is _UNSET:
            hold.actual = Decimal(0)
            await hold.budget.arelease(hold.reservation)
        else:
            await self.asettle(call)

    def fail(self, call: BilledCall, exc: BaseException) -> None:
        """A call raised: release its hold, or charge it in full when the server answered 2xx
        with a body gptkit could not read (that call was billed, for an unknown amount)."""
        if isinstance(exc, APIResponseValidationError) and not call.accounted:
            self._settle(call, None)
        else:
            self.release(call)

    async def afail(self, call: BilledCall, exc: BaseException) -> None:
        if isinstance(exc, APIResponseValidationError) and not call.accounted:
            self._settle(call, None)
            await self.asettle(call)
        else:
            await self.arelease(call)

    def close(self) -> None:
        """Write what a shared budget still owes Redis (settlements kept through an outage)."""
        flush = getattr(self.budget, "flush", None)
        if flush is not None:
            flush()

    async def aclose(self) -> None:
        """Wait for settlements still in flight, then write what the budget still owes Redis."""
        import asyncio

        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        aflush = getattr(self.budget, "aflush", None)
        if aflush is not None:
            await aflush()


class UsageCounts(NamedTuple):
    """The four counts a call is priced by; ``prompt`` includes ``cached`` and ``completion``
    includes ``reasoning``, as in OpenAI's usage."""

    prompt: int
    cached: int
    completion: int
    reasoning: int


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0


def usage_counts(usage: Any) -> UsageCounts:
    """The counts of a usage object in either API's names: chat completions' ``prompt_tokens`` /
    ``completion_tokens`` (with ``*_tokens_details``) or the Responses API's ``input_tokens`` /
    ``output_tokens`` (with ``input_tokens_details.cached_tokens`` and
    ``output_tokens_details.reasoning_tokens``). Absent counts are 0."""
    if usage is None:
        return UsageCounts(0, 0, 0, 0)
    prompt = getattr(usage, "prompt_tokens", None)
    if prompt is None and hasattr(usage, "input_tokens"):
        details, out_details = usage.input_tokens_details, usage.output_tokens_details
        return UsageCounts(
            _count(usage.input_tokens), _count(getattr(details, "cached_tokens", 0)),
            _count(usage.output_tokens), _count(getattr(out_details, "reasoning_tokens", 0)),
        )
    details = getattr(usage, "prompt_tokens_details", None)
    out_details = getattr(usage, "completion_tokens_details", None)
    return UsageCounts(
        _count(prompt), _count(getattr(details, "cached_tokens", 0)),
        _count(getattr(usage, "completion_tokens", 0)), _count(getattr(out_details, "reasoning_tokens", 0)),
    )
