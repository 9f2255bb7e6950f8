"""The legacy text completions endpoint, plain and streamed."""

from openai import OpenAI

client = OpenAI()

completion = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say this is a test", max_tokens=7)
print(completion.choices[0].text)
print(completion)

for chunk in client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Count to 3", stream=True):
    print(repr(chunk.choices[0].text), chunk.choices[0].finish_reason)
