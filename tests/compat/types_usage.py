"""Programs that import the official types for annotations and isinstance checks."""

from openai import OpenAI
from openai.types import CreateEmbeddingResponse, Model
from openai.types.chat import ChatCompletion, ChatCompletionChunk, ChatCompletionMessageParam
from openai.types.chat.chat_completion import Choice

client = OpenAI()

history: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]
completion = client.chat.completions.create(model="gpt-4o", messages=history)
print(isinstance(completion, ChatCompletion), isinstance(completion.choices[0], Choice))
print(type(completion).__name__, type(completion.choices[0]).__name__, type(completion.choices[0].message).__name__)
print(type(completion.usage).__name__)

for chunk in client.chat.completions.create(model="gpt-4o", messages=history, stream=True):
    assert isinstance(chunk, ChatCompletionChunk)
    if chunk.choices:
        print(type(chunk.choices[0]).__name__, type(chunk.choices[0].delta).__name__)
        break

embedding = client.embeddings.create(model="text-embedding-3-small", input="x")
print(isinstance(embedding, CreateEmbeddingResponse), type(embedding.data[0]).__name__)
print(all(isinstance(m, Model) for m in client.models.list()))
print("model_fields_set:", sorted(completion.model_fields_set))
print(completion.choices[0].message.audio is None, "audio" in completion.choices[0].message.model_fields_set)
