"""Send an image with the question, as the README's vision example does."""

from openai import OpenAI

client = OpenAI()

completion = client.chat.completions.create(
    model="gpt-4o",
    messages=[
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is in this image?"},
                {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg", "detail": "low"}},
            ],
        }
    ],
)
print(completion.choices[0].message.content)
print(completion.usage.prompt_tokens > 0)
