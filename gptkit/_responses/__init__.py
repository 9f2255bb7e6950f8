"""The Responses API's sans-IO pieces: parameter checks, the stream accumulator, token counts.

Private: ``gptkit.resources.responses`` declares the endpoints over them, and the stream core
plugs the accumulator in.
"""

__all__: list[str] = []
