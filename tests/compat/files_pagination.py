"""Upload a few files, then walk the list page by page and with auto-pagination."""

from openai import OpenAI

client = OpenAI()

for i in range(5):
    client.files.create(file=(f"notes-{i}.txt", f"note number {i}\n".encode()), purpose="user_data")

for file in client.files.list():
    print(file.id, file.filename, file.bytes, file.status)

first_page = client.files.list(limit=2)
print(len(first_page.data), first_page.has_next_page())
if first_page.has_next_page():
    next_page = first_page.get_next_page()
    print(f"number of items we just fetched: {len(next_page.data)}")
print([f.filename for f in client.files.list(limit=2, order="asc")])

print(client.files.retrieve(first_page.data[0].id))
print(client.files.content(first_page.data[0].id).read())
deleted = client.files.delete(first_page.data[0].id)
print(deleted)
