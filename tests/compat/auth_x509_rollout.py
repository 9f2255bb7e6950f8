"""The official X.509 rollout toggle (examples/x509_workload_identity.py and its async twin): an
application variable picks API-key or X.509 authentication; here in API-key mode, the default."""

from __future__ import annotations

import asyncio
import os
import ssl

from openai import AsyncOpenAI, DefaultAsyncHttpx2Client, DefaultHttpx2Client, OpenAI
from openai.auth import x509_workload_identity


def tls() -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=os.getenv("OPENAI_MTLS_CA_BUNDLE"))
    context.load_cert_chain(certfile=os.environ["OPENAI_MTLS_CERTIFICATE_CHAIN"],
                            keyfile=os.environ["OPENAI_MTLS_PRIVATE_KEY"])
    return context


def create_client() -> OpenAI:
    mode = os.getenv("OPENAI_AUTH_MODE", "api_key")
    if mode == "api_key":
        return OpenAI()
    return OpenAI(
        workload_identity=x509_workload_identity(identity_provider_id=os.environ["OPENAI_IDENTITY_PROVIDER_ID"],
                                                 service_account_id=os.environ["OPENAI_SERVICE_ACCOUNT_ID"]),
        base_url=os.getenv("OPENAI_BASE_URL"),
        http_client=DefaultHttpx2Client(verify=tls(), follow_redirects=False),
    )


def create_async_client() -> AsyncOpenAI:
    if os.getenv("OPENAI_AUTH_MODE", "api_key") == "api_key":
        return AsyncOpenAI()
    return AsyncOpenAI(
        workload_identity=x509_workload_identity(identity_provider_id=os.environ["OPENAI_IDENTITY_PROVIDER_ID"],
                                                 service_account_id=os.environ["OPENAI_SERVICE_ACCOUNT_ID"]),
        http_client=DefaultAsyncHttpx2Client(verify=tls(), follow_redirects=False),
    )


with create_client() as client:
    response = client.responses.create(model="gpt-6.2-sol", input="Hello!")
    print(response.output_text)


async def main() -> None:
    async with create_async_client() as client:
        response = await client.responses.create(model="gpt-6.2-sol", input="Hello!")
        print(response.output_text)


asyncio.run(main())
