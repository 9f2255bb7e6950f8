"""A scripted chat loop that keeps the history, as tutorials do with input()."""

from openai import OpenAI

client = OpenAI()
messages = [{"role": "system", "content": "You are a helpful assistant."}]

for user_input in ["Hello!", "What can you do?", "Thanks, bye."]:
    messages.append({"role": "user", "content": user_input})
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    reply = completion.choices[0].message
    messages.append({"role": reply.role, "content": reply.content})
    print(f"User: {user_input}")
    print(f"Assistant: {reply.content}")
print(len(messages), completion.usage.prompt_tokens, completion.usage.total_tokens)
print(completion.choices[0].message.model_dump(exclude_none=True))
