"""Create embeddings for one text and for a batch of texts."""

from openai import OpenAI

client = OpenAI()

response = client.embeddings.create(model="text-embedding-3-small", input="The food was delicious")
vector = response.data[0].embedding
print(len(vector), [round(x, 6) for x in vector[:5]])
print(response.model, response.usage)

batch = client.embeddings.create(
    model="text-embedding-3-small", input=["first text", "second text", "third"], dimensions=8
)
for item in batch.data:
    print(item.index, item.object, len(item.embedding))
print(batch.usage.prompt_tokens, batch.usage.total_tokens)
