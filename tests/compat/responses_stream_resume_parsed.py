"""Stream a structured answer in the background, drop the connection, then pick the stream up again."""

from openai import OpenAI
from pydantic import BaseModel


class Ingredient(BaseModel):
    name: str
    grams: int


class Recipe(BaseModel):
    title: str
    ingredients: list[Ingredient]


client = OpenAI()

with client.responses.stream(
    model="gpt-4o-mini", input="A recipe for pancakes.", text_format=Recipe, background=True
) as stream:
    for event in stream:
        if event.type == "response.created":
            response_id = event.response.id
        if event.sequence_number >= 2:
            last_seen = event.sequence_number
            break

print("picked up after event", last_seen)
with client.responses.stream(response_id=response_id, starting_after=last_seen, text_format=Recipe) as stream:
    for event in stream:
        if event.type == "response.output_text.done":
            print("done:", event.parsed)
        else:
            print(event.sequence_number, event.type)
    recipe = stream.get_final_response().output_parsed

print(type(recipe).__name__, recipe.title, [i.name for i in recipe.ingredients])
