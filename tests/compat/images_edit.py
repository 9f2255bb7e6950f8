"""Edit an image and make a variation from a PNG on disk."""

import base64
from pathlib import Path

from openai import OpenAI

client = OpenAI()

first = client.images.generate(model="gpt-image-1", prompt="A plain red square")
Path("square.png").write_bytes(base64.b64decode(first.data[0].b64_json))

with open("square.png", "rb") as image:
    edited = client.images.edit(model="gpt-image-1", image=image, prompt="Add a blue circle")
print(len(edited.data), edited.data[0].b64_json is not None, edited.usage is not None)

variation = client.images.create_variation(model="dall-e-2", image=Path("square.png"), n=2, size="256x256")
print([item.url for item in variation.data])
