"""Build the HTTP client with the package's httpx2 factory (a longer timeout) and ask a question."""

from openai import DefaultHttpx2Client, OpenAI

client = OpenAI(http_client=DefaultHttpx2Client(timeout=120.0, follow_redirects=False))

response = client.responses.create(model="gpt-4o-mini", input="Name a prime number.")
print(response.output_text)
print(response.status, response.usage.total_tokens)
client.close()
