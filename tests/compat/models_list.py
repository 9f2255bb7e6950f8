"""List the models and look one up."""

from openai import OpenAI

client = OpenAI()

models = client.models.list()
for model in models:
    print(model.id, model.owned_by, model.object)
print(models.data[0])

model = client.models.retrieve("gpt-4o")
print(model)
print(model.to_dict())
