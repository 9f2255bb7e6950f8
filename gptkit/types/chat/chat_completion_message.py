"""``ChatCompletionMessage``: the message a model answered with."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.chat.chat_completion_audio import ChatCompletionAudio
from gptkit.types.chat.chat_completion_message_tool_call import ChatCompletionMessageToolCallUnion

__all__ = ["Annotation", "AnnotationURLCitation", "ChatCompletionMessage", "FunctionCall"]


class AnnotationURLCitation(APIObject):
    """A web page the answer cites, and where in the content the citation applies."""

    end_index: int = 0
    start_index: int = 0
    title: str = ""
    url: str = ""


class Annotation(APIObject):
    """An annotation of the content (a URL citation from web search)."""

    type: str = "url_citation"
    url_citation: AnnotationURLCitation | None = None


class FunctionCall(APIObject):
    """The deprecated single ``function_call`` of older models."""

    arguments: str
    name: str


class ChatCompletionMessage(APIObject):
    """The message the model produced: text, a refusal, tool calls or audio."""

    content: str | None = None
    refusal: str | None = None
    role: str = "assistant"
    annotations: list[Annotation] | None = None
    audio: ChatCompletionAudio | None = None
    function_call: FunctionCall | None = None
    tool_calls: list[ChatCompletionMessageToolCallUnion] | None = None
