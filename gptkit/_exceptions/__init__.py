"""The exception hierarchy (``_api``: calls to the API; ``_local``: limits, budgets, prices;
``_structured``: structured outputs and tools).

The names and the shape follow the official ``openai`` package, so an ``except`` clause written for
it keeps working after changing the import. gptkit adds a few classes of its own (quota, budget,
invalid parameters, interrupted streams) as subclasses of the closest official one.

Every error built from an HTTP response carries what the server said (``status_code``,
``request_id``, ``code``, ``type``, ``param``, ``body`` and ``message``) and never the API key:
messages are built from the response body, never from request headers.
"""

from __future__ import annotations

from gptkit._exceptions import _api, _auth, _local, _structured
from gptkit._exceptions._api import *  # noqa: F403 - each module's __all__ is part of this one's
from gptkit._exceptions._auth import *  # noqa: F403
from gptkit._exceptions._local import *  # noqa: F403
from gptkit._exceptions._structured import *  # noqa: F403

__all__: list[str] = []
__all__ += _api.__all__
__all__ += _auth.__all__
__all__ += _local.__all__
__all__ += _structured.__all__

# A traceback names an exception by its class's ``__module__``: show the path users import it
# from (``gptkit.RateLimitError``), not this private module (``gptkit._exceptions....``).
for _name in __all__:
    globals()[_name].__module__ = "gptkit"
del _name
