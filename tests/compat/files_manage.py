"""Upload, list, retrieve and delete files; a deleted file is NotFound afterwards."""

import openai
from openai import OpenAI

client = OpenAI()

first = client.files.create(file=("notes.txt", b"hello\n"), purpose="assistants")
second = client.files.create(file=("data.jsonl", b'{"a": 1}\n'), purpose="batch")
print(first)
print([(f.filename, f.purpose) for f in client.files.list()])
print([f.filename for f in client.files.list(purpose="batch")])
retrieved = client.files.retrieve(first.id)
print(retrieved.id == first.id, retrieved.bytes, retrieved.status)
print(client.files.delete(first.id))
try:
    client.files.retrieve(first.id)
except openai.NotFoundError as e:
    print(type(e).__name__, e.status_code, e.type, e.code)
print(client.files.content(second.id).json())
