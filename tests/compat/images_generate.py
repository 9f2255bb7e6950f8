"""Generate an image, save the base64 bytes to a file, and generate one as a URL."""

import base64
from pathlib import Path

from openai import OpenAI

with OpenAI() as client:
    response = client.images.generate(
        model="gpt-image-1",
        prompt="An astronaut lounging in a tropical resort in space, pixel art",
        size="1024x1024",
    )
    path = Path("picture.png")
    path.write_bytes(base64.b64decode(response.data[0].b64_json))
    print(f"Saved image: {path.name}, {path.stat().st_size} bytes")
    print(response.created, len(response.data), response.usage)

    dalle = client.images.generate(model="dall-e-3", prompt="A cute baby sea otter", n=1, size="1024x1024")
    print(dalle.data[0].url)
    print(dalle.data[0].revised_prompt)
