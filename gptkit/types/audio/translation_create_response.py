"""What ``audio.translations.create`` returns for a JSON ``response_format``."""

from __future__ import annotations

from typing import TypeAlias

from gptkit.types.audio.translation import Translation
from gptkit.types.audio.translation_verbose import TranslationVerbose

__all__ = ["TranslationCreateResponse"]

TranslationCreateResponse: TypeAlias = Translation | TranslationVerbose
