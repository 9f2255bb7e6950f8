"""Check texts with the moderation endpoint."""

from openai import OpenAI

client = OpenAI()

response = client.moderations.create(model="omni-moderation-latest", input="I want to hug my cat.")
result = response.results[0]
print(response.model, result.flagged)
print(result.categories.violence, result.category_scores.violence)

many = client.moderations.create(input=["one text", "another text"])
print([r.flagged for r in many.results])
print(response.to_dict() == response.model_dump(by_alias=True), sorted(response.to_dict()["results"][0]["categories"]))
