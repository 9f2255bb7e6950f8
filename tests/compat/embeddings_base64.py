"""Ask for base64 embeddings, as bandwidth-minded programs do, and decode them."""

import base64
import struct

from openai import OpenAI

client = OpenAI()

response = client.embeddings.create(
    model="text-embedding-3-small", input="hello", encoding_format="base64", dimensions=4
)
value = response.data[0].embedding
print(type(value).__name__)
if isinstance(value, str):
    raw = base64.b64decode(value)
    print([round(x, 6) for x in struct.unpack(f"<{len(raw) // 4}f", raw)])
else:
    print([round(x, 6) for x in value])
