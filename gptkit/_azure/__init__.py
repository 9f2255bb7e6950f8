"""Azure OpenAI: its clients and its credentials (keys, Entra ID tokens)."""

__all__: list[str] = []
