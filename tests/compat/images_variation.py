"""Variations of an image (dall-e-2), as base64, decoded and saved."""

import base64

from openai import OpenAI

client = OpenAI()

png = b"\x89PNG\r\n\x1a\n" + bytes(64)
result = client.images.create_variation(
    image=("corgi.png", png), model="dall-e-2", n=2, size="256x256", response_format="b64_json"
)
print(type(result).__name__, len(result.data), result.created)
for index, image in enumerate(result.data):
    raw = base64.b64decode(image.b64_json)
    with open(f"variation-{index}.png", "wb") as handle:
        handle.write(raw)
    print(index, len(raw) > 0, image.url, image.revised_prompt)
