"""Read a downloaded file line by line, as batch result readers do."""

import json

from openai import OpenAI

client = OpenAI()

uploaded = client.files.create(file=("rows.jsonl", b'{"n": 1}\n\n{"n": 2}\n'), purpose="user_data")
content = client.files.content(uploaded.id)
for line in content.iter_lines():
    print(repr(line))
    if line:
        print(json.loads(line)["n"])
print(content.read() == content.content, content.text.count("\n"))
