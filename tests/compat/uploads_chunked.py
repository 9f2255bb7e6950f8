"""Upload a large file in parts with ``uploads.upload_file_chunked`` (official uploads example)."""

from pathlib import Path

from openai import OpenAI

path = Path("big_test_file.txt")
path.write_bytes(b"0123456789abcdef\n" * 4096)

with OpenAI() as client:
    upload = client.uploads.upload_file_chunked(
        file=path, mime_type="text/plain", purpose="user_data", part_size=16 * 1024
    )
    print(upload.status, upload.filename, upload.bytes, upload.purpose)
    stored = client.files.retrieve(upload.file.id)
    print(stored.bytes == path.stat().st_size, stored.filename == path.name)

    data = path.read_bytes()
    in_memory = client.uploads.upload_file_chunked(
        file=data, filename="memory.txt", bytes=len(data), mime_type="text/plain", purpose="user_data"
    )
    print(in_memory.status, in_memory.filename, in_memory.bytes)
    client.files.delete(upload.file.id)
    print("Deleted uploaded file")
