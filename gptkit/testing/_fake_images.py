"""The fake's images API: generations, edits (multipart) and variations, streamed or not.

Images are tiny deterministic PNGs (a colour from a digest of the prompt). GPT image models
answer with base64 and token usage (output tokens from OpenAI's table for the quality and
size); DALL-E models answer with URLs unless ``response_format="b64_json"``, and no usage.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit._cost._media import GPT_IMAGE_1_OUTPUT_TOKENS
from gptkit._tokens import estimate_text_tokens
from gptkit.testing._fake_forms import Form, bad_request, event_stream, json_object, missing, parse_form

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._fake_reply import FakeReply
    from gptkit.testing._faults import FakeRequest

__all__ = ["FakeImages", "png"]

#: Image tokens of one input image of an edit (a fixed figure: the fake does not decode images).
INPUT_IMAGE_TOKENS = 323


def png(seed: str) -> bytes:
    """A valid 1x1 PNG whose colour depends on ``seed``."""
    red, green, blue = hashlib.sha1(seed.encode()).digest()[:3]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, red, green, blue]))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _gpt_image(model: str) -> bool:
    return model.startswith(("gpt-image", "chatgpt-image"))


class FakeImages:
    """``/images/generations``, ``/images/edits`` and ``/images/variations``."""

    def __init__(self) -> None:
        self.count: int = 0

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/images/generations", self._generate), ("POST", "/images/edits", self._edit),
                ("POST", "/images/variations", self._variation)]

    # -- the answer ---------------------------------------------------------------------------

    def _answer(self, params: dict[str, Any], prompt: str, input_images: int, edit: bool) -> Any:
        model = str(params.get("model") or ("gpt-image-1" if edit else "dall-e-2"))
        try:
            n = int(params.get("n") or 1)
            partial = int(params.get("partial_images") or 0)
        except (TypeError, ValueError):
            return bad_request("'n' and 'partial_images' must be integers.", "n")
        if not 1 <= n <= 10:
            return bad_request(f"Invalid 'n': {n}. Expected a value between 1 and 10.", "n", "invalid_value")
        quality = str(params.get("quality") or "auto").replace("auto", "medium")
        size = str(params.get("size") or "auto").replace("auto", "1024x1024")
        self.count += 1
        created = int(get_clock().wall())
        images = [base64.b64encode(png(f"{prompt}\n{self.count}\n{i}")).decode() for i in range(n)]
        gpt = _gpt_image(model)
        usage = None
        if gpt:
            per_image = GPT_IMAGE_1_OUTPUT_TOKENS.get(quality, {}).get(size, 1056)
            text = estimate_text_tokens(prompt)
            image_in = INPUT_IMAGE_TOKENS * input_images
            output = n * (per_image + partial * 100)
            usage = {"input_tokens": text + image_in, "output_tokens": output,
                     "total_tokens": text + image_in + output,
                     "input_tokens_details": {"text_tokens": text, "image_tokens": image_in}}
        if str(params.get("stream", "")).lower() == "true" or params.get("stream") is True:
            if not gpt:
                return bad_request(f"Streaming is not supported for model '{model}'.", "stream")
            return self._events(images, partial, usage, "image_edit" if edit else "image_generation", created,
                                quality, size)
        as_url = not gpt and params.get("response_format", "url") == "url"
        data = [{"url": f"https://images.fake.openai.local/img-{self.count}-{i}.png"} if as_url
                else {"b64_json": image} for i, image in enumerate(images)]
        if model == "dall-e-3":
            for item in data:
                item["revised_prompt"] = f"A detailed picture of {prompt}"
        body: dict[str, Any] = {"created": created, "data": data}
        if gpt:
            body.update(usage=usage, background="opaque", output_format=params.get("output_format", "png"),
                        quality=quality, size=size)
        return 200, body

    def _events(self, images: list[str], partial: int, usage: Any, prefix: str, created: int, quality: str,
                size: str) -> FakeReply:
        common = {"background": "opaque", "created_at": created, "output_format": "png", "quality": quality,
                  "size": size}
        events: list[dict[str, Any]] = []
        for image in images:
            events += [{"type": f"{prefix}.partial_image", "partial_image_index": index, "b64_json": image,
                        **common} for index in range(partial)]
            events.append({"type": f"{prefix}.completed", "b64_json": image, **common, "usage": usage})
        return event_stream(events)

    # -- the endpoints ------------------------------------------------------------------------

    def _generate(self, request: FakeRequest, params: dict[str, str]) -> Any:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        prompt = body.get("prompt")
        if not isinstance(prompt, str) or not prompt:
            return missing("prompt")
        return self._answer(body, prompt, 0, edit=False)

    def _edit(self, request: FakeRequest, params: dict[str, str]) -> Any:
        form = parse_form(request)
        if form is None:
            return bad_request("Image edits must be multipart/form-data.")
        images = form.files("image")
        if not images:
            return missing("image")
        prompt = form.value("prompt")
        if not prompt:
            return missing("prompt")
        return self._answer(_fields(form), prompt, len(images), edit=True)

    def _variation(self, request: FakeRequest, params: dict[str, str]) -> Any:
        form = parse_form(request)
        if form is None:
            return bad_request("Image variations must be multipart/form-data.")
        if len(form.files("image")) != 1:
            return missing("image")
        fields = _fields(form)
        if fields.get("model", "dall-e-2") != "dall-e-2":
            return bad_request("Variations are only supported for dall-e-2.", "model")
        fields.pop("stream", None)
        return self._answer(fields, form.files("image")[0][0], 0, edit=False)


def _fields(form: Form) -> dict[str, Any]:
    return {name: form.value(name) for name in form.names() if form.value(name) is not None}
