"""API resources: thin sync/async pairs that prepare a call and hand it to the client."""

__all__: list[str] = []
