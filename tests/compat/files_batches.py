"""The Batch API: upload a JSONL file, create a batch, wait for it, and read the results."""

import json
import time

from openai import OpenAI

client = OpenAI()

lines = [
    {"custom_id": f"request-{i}", "method": "POST", "url": "/v1/chat/completions",
     "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Question {i}"}]}}
    for i in range(3)
]
with open("batchinput.jsonl", "w") as handle:
    handle.write("\n".join(json.dumps(line) for line in lines) + "\n")

with open("batchinput.jsonl", "rb") as handle:
    batch_input_file = client.files.create(file=handle, purpose="batch")
print(batch_input_file.id, batch_input_file.filename, batch_input_file.purpose, batch_input_file.bytes)

batch = client.batches.create(
    input_file_id=batch_input_file.id,
    endpoint="/v1/chat/completions",
    completion_window="24h",
    metadata={"description": "nightly eval job"},
)
print(batch.id, batch.status, batch.endpoint, batch.metadata)

while batch.status not in ("completed", "failed", "expired", "cancelled"):
    time.sleep(0.01)
    batch = client.batches.retrieve(batch.id)
print(batch.status, batch.request_counts)

file_response = client.files.content(batch.output_file_id)
for line in file_response.text.splitlines():
    result = json.loads(line)
    print(result["custom_id"], result["response"]["status_code"],
          result["response"]["body"]["choices"][0]["message"]["content"])
print([b.id for b in client.batches.list(limit=10)])
