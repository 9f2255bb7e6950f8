"""A vector store's files: attach several, list, retrieve, update attributes, detach."""

from openai import OpenAI

client = OpenAI()

store = client.vector_stores.create(name="Handbook", metadata={"team": "support"})
uploads = [
    client.files.create(file=(f"chapter-{i}.txt", f"Chapter {i} text.\n".encode()), purpose="assistants")
    for i in range(2)
]
batch = client.vector_stores.file_batches.create_and_poll(
    vector_store_id=store.id, file_ids=[f.id for f in uploads]
)
print(batch.status, batch.file_counts.completed, batch.file_counts.total)

for vs_file in client.vector_stores.files.list(vector_store_id=store.id):
    print(vs_file.status, vs_file.vector_store_id == store.id)

one = client.vector_stores.files.retrieve(file_id=uploads[0].id, vector_store_id=store.id)
print(one.id == uploads[0].id, one.usage_bytes >= 0)
updated = client.vector_stores.files.update(
    file_id=uploads[0].id, vector_store_id=store.id, attributes={"chapter": 0}
)
print(updated.attributes)
print(client.vector_stores.files.delete(file_id=uploads[1].id, vector_store_id=store.id))
print(client.vector_stores.retrieve(store.id).metadata)
print(client.vector_stores.update(store.id, name="Handbook v2").name)
