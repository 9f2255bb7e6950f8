"""Read headers with ``with_raw_response``, then parse the object the call would have returned."""

from openai import OpenAI

client = OpenAI()

response = client.chat.completions.with_raw_response.create(
    model="gpt-4o",
    messages=[{"role": "user", "content": "Say this is a test"}],
)
print(response.headers.get("x-request-id"))
print(response.headers.get("x-ratelimit-limit-requests"), response.headers.get("openai-version"))
print(response.status_code, response.http_request.method, response.http_request.url.path)
completion = response.parse()
print(response.request_id, completion._request_id)
print(completion.choices[0].message.content)

models = client.models.with_raw_response.list()
print(models.status_code, [model.id for model in models.parse()])
