"""Reinforcement fine-tuning's graders tried before a job (the official graders guide): validate
a grader, run it on samples, combine two in a multi grader; then share the resulting checkpoint
with other projects, list and revoke the permissions."""

import asyncio

from openai import AsyncOpenAI, OpenAI

client = OpenAI()

exact = {
    "type": "string_check",
    "name": "exact_answer",
    "input": "{{sample.output_text}}",
    "operation": "eq",
    "reference": "{{item.answer}}",
}
close = {
    "type": "text_similarity",
    "name": "close_answer",
    "input": "{{sample.output_text}}",
    "reference": "{{item.answer}}",
    "evaluation_metric": "fuzzy_match",
}

validated = client.fine_tuning.alpha.graders.validate(grader=exact)
print(validated)
print(type(validated.grader).__name__)

for sample in ["Paris", "paris", "Lyon"]:
    result = client.fine_tuning.alpha.graders.run(grader=exact, model_sample=sample, item={"answer": "Paris"})
    print(sample, result.reward, result.metadata.name, result.metadata.errors.formula_parse_error)

similar = client.fine_tuning.alpha.graders.run(grader=close, model_sample="Pariss", item={"answer": "Paris"})
print(similar.reward, similar.metadata.type, similar.to_dict()["metadata"]["scores"])

checkpoint = "ft:gpt-4o-mini-2024-07-18:org:graded:ckpt-step-90"
created = client.fine_tuning.checkpoints.permissions.create(checkpoint, project_ids=["proj_alpha", "proj_beta"])
print(created)
print([p.project_id for p in client.fine_tuning.checkpoints.permissions.list(checkpoint)])
page = client.fine_tuning.checkpoints.permissions.retrieve(checkpoint, order="ascending", limit=1)
print(page.object, [p.project_id for p in page.data], page.has_more)
deleted = client.fine_tuning.checkpoints.permissions.delete(created.data[0].id, fine_tuned_model_checkpoint=checkpoint)
print(deleted)


async def main() -> None:
    aclient = AsyncOpenAI()
    result = await aclient.fine_tuning.alpha.graders.run(grader=exact, model_sample="Paris",
                                                         item={"answer": "Paris"})
    print("async", result.reward)
    async for permission in aclient.fine_tuning.checkpoints.permissions.list(checkpoint):
        print("async", permission.project_id)
    await aclient.close()


asyncio.run(main())
