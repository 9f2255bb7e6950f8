"""Wire types of ``client.uploads.parts``."""

from __future__ import annotations

from gptkit.types.uploads.part_create_params import PartCreateParams
from gptkit.types.uploads.upload_part import UploadPart

__all__ = ["PartCreateParams", "UploadPart"]
