"""Vector stores: create one, add a file, search it, list and delete."""

from openai import OpenAI

client = OpenAI()

vector_store = client.vector_stores.create(name="Support FAQ")
print(vector_store.id, vector_store.name, vector_store.status, vector_store.file_counts.total)

uploaded = client.files.create(file=("faq.txt", b"Returns are accepted within 30 days.\n"), purpose="assistants")
vs_file = client.vector_stores.files.create_and_poll(vector_store_id=vector_store.id, file_id=uploaded.id)
print(vs_file.id == uploaded.id, vs_file.status)

results = client.vector_stores.search(vector_store_id=vector_store.id, query="How long do I have to return?")
for result in results:
    print(result.filename, round(result.score, 3), [part.type for part in result.content])

print([store.name for store in client.vector_stores.list()])
print(client.vector_stores.delete(vector_store.id))
