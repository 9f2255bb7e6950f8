"""Moderate several inputs, and text with an image (omni-moderation), reading the categories."""

from openai import OpenAI

client = OpenAI()

many = client.moderations.create(model="omni-moderation-latest", input=["I love kittens", "another text"])
print(many.model, len(many.results), [r.flagged for r in many.results])
first = many.results[0]
print(sorted(k for k, v in first.categories.model_dump().items() if v))
print(round(max(first.category_scores.model_dump().values()), 6) >= 0)

mixed = client.moderations.create(
    model="omni-moderation-latest",
    input=[
        {"type": "text", "text": "...text to classify goes here..."},
        {"type": "image_url", "image_url": {"url": "https://example.com/image.png"}},
    ],
)
print(len(mixed.results), mixed.results[0].category_applied_input_types is not None)
