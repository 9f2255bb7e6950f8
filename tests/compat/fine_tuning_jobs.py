"""Fine-tuning jobs as the README paginates them."""

from openai import OpenAI

client = OpenAI()

training = client.files.create(
    file=("train.jsonl", b'{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}\n'),
    purpose="fine-tune",
)
job = client.fine_tuning.jobs.create(model="gpt-4o-mini-2024-07-18", training_file=training.id)
print(job.id, job.status, job.model, job.training_file == training.id)

all_jobs = []
for job in client.fine_tuning.jobs.list(limit=20):
    all_jobs.append(job)  # noqa: PERF402  (the README's loop)
print([j.id for j in all_jobs])

first_page = client.fine_tuning.jobs.list(limit=20)
print(first_page.has_next_page(), len(first_page.data))
for event in client.fine_tuning.jobs.list_events(fine_tuning_job_id=job.id, limit=3):
    print(event.level, event.message)
cancelled = client.fine_tuning.jobs.cancel(job.id)
print(cancelled.status)
