"""The quick checks of ``chat.completions.create``'s and ``responses.create``'s parameters.

Declarations, no logic (``gptkit._core._params.QuickCheck``): the parameters each vouches for and
their rules, in the order of the TypedDict's fields. Kept apart from the TypedDicts so that a
plain first call builds no parameter validator (and, for chat, imports no parameter types).
"""

from __future__ import annotations

from gptkit._core._params import QuickCheck, either, flag, integer, number, one_of, text, text_messages

__all__ = ["QUICK_CHAT", "QUICK_RESPONSES"]

#: The common calls (text messages, scalar parameters), checked without pydantic: most programs'
#: first call then builds no parameter validator. The fields in ``ChatCompletionCreateParams``'s
#: order (tests/test_params_quick.py compares both checks on many calls).
QUICK_CHAT = QuickCheck(
    {
        "messages": text_messages({
            "developer": (("content", "role", "name"), ("content", "role")),
            "system": (("content", "role", "name"), ("content", "role")),
            "user": (("content", "role", "name"), ("content", "role")),
            "assistant": (("role", "content", "name", "refusal"), ("role",)),
            "tool": (("content", "role", "tool_call_id"), ("content", "role", "tool_call_id")),
        }),
        "model": text(min_length=1),
        "frequency_penalty": number(-2.0, 2.0),
        "logprobs": flag(),
        "max_completion_tokens": integer(1),
        "max_tokens": integer(1),
        "n": integer(1, 128),
        "parallel_tool_calls": flag(),
        "presence_penalty": number(-2.0, 2.0),
        "prompt_cache_key": text(),
        "prompt_cache_retention": one_of("in_memory", "24h"),
        "reasoning_effort": text(),
        "safety_identifier": text(),
        "seed": integer(),
        "service_tier": text(),
        "stop": text(),
        "store": flag(),
        "temperature": number(0.0, 2.0),
        "top_logprobs": integer(0, 20),
        "top_p": number(0.0, 1.0),
        "user": text(),
        "verbosity": one_of("low", "medium", "high"),
        "stream": flag(),
    },
    required=("messages", "model"),
)

_EASY_MESSAGE = (("role", "content"), ("role", "content"))

#: ``input`` as a string or a list of text messages (``EasyInputMessageParam``), and the scalar
#: parameters; in ``ResponseCreateParams``' order (tests/test_params_quick.py).
QUICK_RESPONSES = QuickCheck(
    {
        "model": text(min_length=1),
        "input": either(text(), text_messages(dict.fromkeys(("user", "assistant", "system", "developer"),
                                                            _EASY_MESSAGE))),
        "instructions": text(),
        "parallel_tool_calls": flag(),
        "max_tool_calls": integer(1),
        "max_output_tokens": integer(16),
        "temperature": number(0.0, 2.0),
        "top_p": number(0.0, 1.0),
        "top_logprobs": integer(0, 20),
        "previous_response_id": text(),
        "store": flag(),
        "background": flag(),
        "truncation": one_of("auto", "disabled"),
        "service_tier": text(),
        "prompt_cache_key": text(),
        "prompt_cache_retention": one_of("in_memory", "24h"),
        "safety_identifier": text(max_length=64),
        "user": text(),
        "stream": flag(),
    },
    required=(),
)
