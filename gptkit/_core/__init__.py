"""The client core: options and config, request building, error mapping, the call loop,
the sync and async clients, and the async connection pool."""

__all__: list[str] = []
