"""Embed several inputs at once (strings and token arrays) and compare them."""

from openai import OpenAI

client = OpenAI()

texts = ["The food was delicious", "The waiter was friendly", "The food was delicious"]
response = client.embeddings.create(model="text-embedding-3-small", input=texts, dimensions=8)
print(response.model, response.object, response.usage)
vectors = [item.embedding for item in response.data]
print([item.index for item in response.data], [len(v) for v in vectors])
print(vectors[0] == vectors[2], vectors[0] == vectors[1])

def dot(a, b):
    return sum(x * y for x, y in zip(a, b, strict=True))

print(round(dot(vectors[0], vectors[2]), 4))
tokens = client.embeddings.create(model="text-embedding-3-small", input=[[15339, 1917]], encoding_format="float")
print(len(tokens.data), len(tokens.data[0].embedding))
