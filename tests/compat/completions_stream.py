"""Legacy text completions, streamed, with several choices and an echo."""

from openai import OpenAI

client = OpenAI()

stream = client.completions.create(
    model="gpt-3.5-turbo-instruct", prompt="Say this is a test", max_tokens=7, stream=True
)
for chunk in stream:
    print(repr(chunk.choices[0].text), chunk.choices[0].finish_reason)

completion = client.completions.create(model="gpt-3.5-turbo-instruct", prompt=["one", "two"], max_tokens=5)
print([(choice.index, choice.text) for choice in completion.choices])
print(completion.usage)
print(completion.model_dump(exclude={"usage"}))
