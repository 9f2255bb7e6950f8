"""The Azure client pointed at a deployment, as the README's Azure section does."""

import os

from openai import AzureOpenAI

client = AzureOpenAI(
    api_version="2024-10-21",
    azure_endpoint=os.environ["OPENAI_BASE_URL"].removesuffix("/v1"),
    api_key="azure-key",
)
completion = client.chat.completions.create(
    model="deployment-name",
    messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
)
print(completion.choices[0].message.content)
print(completion.model)
