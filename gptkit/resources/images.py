"""``client.images``: generate images from a prompt, edit images, and make variations.

``edit`` and ``create_variation`` upload their images as ``multipart/form-data``; with
``stream=True`` (GPT image models) ``generate`` and ``edit`` stream partial images and end with
the completed one. Calls are priced from the answer's token usage where the price is known
(``gptkit._cost._media`` says how, and what a budget reserves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._cost._media import IMAGE_EDIT_METER, IMAGE_METER
from gptkit._streams._media import ImagesAccumulator
from gptkit._streams._stream import AsyncStream, Stream
from gptkit.resources._common import FileTypes, body_params, file_parts
from gptkit.resources._resource import AsyncResource, SyncResource, _Resource
from gptkit.resources._twin import Awaits, twin
from gptkit.types._base import APIObject
from gptkit.types._union import EventUnion
from gptkit.types.image_create_variation_params import ImageCreateVariationFields
from gptkit.types.image_edit_completed_event import ImageEditCompletedEvent
from gptkit.types.image_edit_params import ImageEditArgs, ImageEditFields
from gptkit.types.image_edit_partial_image_event import ImageEditPartialImageEvent
from gptkit.types.image_edit_stream_event import ImageEditStreamEvent
from gptkit.types.image_gen_completed_event import ImageGenCompletedEvent
from gptkit.types.image_gen_partial_image_event import ImageGenPartialImageEvent
from gptkit.types.image_gen_stream_event import ImageGenStreamEvent
from gptkit.types.image_generate_params import ImageGenerateArgs, ImageGenerateParams
from gptkit.types.images_response import ImagesResponse
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncImages", "Images"]

GENERATE = Endpoint(
    method="POST", path="/images/generations", response=ImagesResponse,
    validator=ParamValidator(ImageGenerateParams, "images.generate"), meter=IMAGE_METER,
    chunk=EventUnion("ImageGenStreamEvent", [ImageGenPartialImageEvent, ImageGenCompletedEvent], APIObject,
                     ImagesAccumulator),
)
EDIT = Endpoint(
    method="POST", path="/images/edits", response=ImagesResponse,
    validator=ParamValidator(ImageEditFields, "images.edit"), meter=IMAGE_EDIT_METER,
    chunk=EventUnion("ImageEditStreamEvent", [ImageEditPartialImageEvent, ImageEditCompletedEvent], APIObject,
                     ImagesAccumulator),
)
VARIATION = Endpoint(
    method="POST", path="/images/variations", response=ImagesResponse,
    validator=ParamValidator(ImageCreateVariationFields, "images.create_variation"), meter=IMAGE_EDIT_METER,
)


class ImageGenerateKwargs(ImageGenerateArgs, RequestOptions, total=False):
    """The keyword arguments of ``images.generate`` (``stream`` aside)."""


class ImageEditKwargs(ImageEditArgs, RequestOptions, total=False):
    """The keyword arguments of ``images.edit`` other than its files and ``stream``."""


class ImageVariationKwargs(ImageCreateVariationFields, RequestOptions, total=False):
    """The keyword arguments of ``images.create_variation`` other than ``image``."""


_Plain = TypeVar("_Plain")
_Generated = TypeVar("_Generated")
_Edited = TypeVar("_Edited")


class _ImagesAPI(_Resource, Generic[_Plain, _Generated, _Edited]):
    """The methods of ``client.images``, written once; the results they declare are each
    client's (see ``_twin``)."""

    @overload
    def generate(self, *, stream: Literal[False] | None = None,
                 **params: Unpack[ImageGenerateKwargs]) -> _Plain: ...
    @overload
    def generate(self, *, stream: Literal[True], **params: Unpack[ImageGenerateKwargs]) -> _Generated: ...
    def generate(self, *, stream: bool | None = None, **params: Unpack[ImageGenerateKwargs]) -> Any:
        """Make ``n`` images from ``prompt``; with ``stream=True``, partial images as they come."""
        call = self._client._prepare(GENERATE, body_params(params, {}), stream=bool(stream), raw=self._raw)
        return self._client._execute(call)

    @overload
    def edit(self, *, image: FileTypes | list[FileTypes], mask: FileTypes | None = None,
             markup: FileTypes | None = None, stream: Literal[False] | None = None,
             **params: Unpack[ImageEditKwargs]) -> _Plain: ...
    @overload
    def edit(self, *, image: FileTypes | list[FileTypes], mask: FileTypes | None = None,
             markup: FileTypes | None = None, stream: Literal[True],
             **params: Unpack[ImageEditKwargs]) -> _Edited: ...
    def edit(self, *, image: FileTypes | list[FileTypes], mask: FileTypes | None = None,
             markup: FileTypes | None = None, stream: bool | None = None,
             **params: Unpack[ImageEditKwargs]) -> Any:
        """Edit ``image`` (one file, or a list for GPT image models) as ``prompt`` says; ``mask``
        marks where. Files may be bytes, paths, open files or ``(name, content[, type])``."""
        parts = file_parts("images.edit", image=image, mask=mask, markup=markup)
        return self._upload(EDIT, body_params(params, {}), parts, stream=bool(stream))

    def create_variation(self, *, image: FileTypes, **params: Unpack[ImageVariationKwargs]) -> _Plain:
        """Make ``n`` variations of ``image`` (DALL-E 2)."""
        result: _Plain = self._upload(VARIATION, body_params(params, {}),
                                      file_parts("images.create_variation", image=image))
        return result


class Images(
    _ImagesAPI[ImagesResponse, Stream[ImageGenStreamEvent], Stream[ImageEditStreamEvent]], SyncResource
):
    """Images of a ``Client``."""


class AsyncImages(
    _ImagesAPI[Awaits[ImagesResponse], Awaits[AsyncStream[ImageGenStreamEvent]],
               Awaits[AsyncStream[ImageEditStreamEvent]]],
    AsyncResource,
):
    """Images of an ``AsyncClient``: ``Images``'s methods, awaited."""

    if not TYPE_CHECKING:
        generate = twin(_ImagesAPI.generate)
        edit = twin(_ImagesAPI.edit)
        create_variation = twin(_ImagesAPI.create_variation)
