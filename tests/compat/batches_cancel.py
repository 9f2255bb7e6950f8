"""Start a batch and cancel it; list batches; a batch id that does not exist."""

import openai
from openai import OpenAI

client = OpenAI()

line = b'{"custom_id": "r1", "method": "POST", "url": "/v1/embeddings", "body": {"model": "text-embedding-3-small", "input": "hi"}}\n'
batch_file = client.files.create(file=("embed.jsonl", line), purpose="batch")
batch = client.batches.create(input_file_id=batch_file.id, endpoint="/v1/embeddings", completion_window="24h")
print(batch.status, batch.completion_window, batch.request_counts)

cancelled = client.batches.cancel(batch.id)
print(cancelled.status, cancelled.id == batch.id)
print([b.status for b in client.batches.list()])
try:
    client.batches.retrieve("batch_missing")
except openai.NotFoundError as e:
    print(type(e).__name__, e.status_code)
