"""Azure OpenAI as the README's Azure section sets it up: the endpoint and key from the
environment (AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY), each call naming its deployment."""

import os

from openai import AzureOpenAI

client = AzureOpenAI(api_version="2024-10-21")

completion = client.chat.completions.create(
    model="deployment-name",  # e.g. gpt-35-instant
    messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
)
print(completion.to_json())

stream = client.chat.completions.create(
    model="deployment-name", messages=[{"role": "user", "content": "Say this is a test"}], stream=True
)
for chunk in stream:
    if chunk.choices:
        print(chunk.choices[0].delta.content or "", end="")
print()

embedding = client.embeddings.create(model="embeddings-deployment", input="hello", dimensions=4)
print(embedding.model, len(embedding.data[0].embedding), embedding.usage)

# One deployment for every call, and the base_url spelling of the same thing.
fixed = AzureOpenAI(api_version="2024-10-21", azure_deployment="fixed-deployment")
print(fixed.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "fixed"}]).model)
by_url = AzureOpenAI(
    api_version="2024-10-21",
    base_url=f"{os.environ['AZURE_OPENAI_ENDPOINT']}/openai/deployments/url-deployment",
)
print(by_url.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "url"}]).choices[0])
print(client.api_key == os.environ["AZURE_OPENAI_API_KEY"], client.max_retries)
print(client.base_url == f"{os.environ['AZURE_OPENAI_ENDPOINT']}/openai/", str(fixed.base_url).endswith("/openai/deployments/fixed-deployment/"))
print([model.id for model in client.models.list()][:3])

try:
    AzureOpenAI(api_version="2024-10-21", api_key="wrong-key").chat.completions.create(
        model="deployment-name", messages=[{"role": "user", "content": "hi"}]
    )
except Exception as e:
    print(type(e).__name__, e.status_code)
