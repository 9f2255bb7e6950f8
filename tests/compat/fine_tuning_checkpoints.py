"""A fine-tuning job with hyperparameters and a suffix; its events, checkpoints and retrieval."""

from openai import OpenAI

client = OpenAI()

training = client.files.create(
    file=("train.jsonl", b'{"messages": [{"role": "user", "content": "2+2"}, {"role": "assistant", "content": "4"}]}\n'),
    purpose="fine-tune",
)
job = client.fine_tuning.jobs.create(
    model="gpt-4o-mini-2024-07-18",
    training_file=training.id,
    suffix="arith",
    method={"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 2}}},
    metadata={"run": "7"},
)
print(job.status, job.metadata, job.method.type if job.method else None)
fetched = client.fine_tuning.jobs.retrieve(job.id)
print(fetched.id == job.id, fetched.model, fetched.fine_tuned_model)
events = client.fine_tuning.jobs.list_events(job.id)
print(len(events.data) > 0, [e.object for e in events.data][:2])
checkpoints = client.fine_tuning.jobs.checkpoints.list(job.id)
print(type(checkpoints).__name__, [c.step_number for c in checkpoints.data])
