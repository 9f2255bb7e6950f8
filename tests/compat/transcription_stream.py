"""Stream a transcription's text as it is recognised."""

from openai import OpenAI

client = OpenAI()

audio = client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input="Streaming words arrive one by one.")

stream = client.audio.transcriptions.create(
    model="gpt-4o-mini-transcribe", file=("speech.mp3", audio.content), stream=True
)
for event in stream:
    if event.type == "transcript.text.delta":
        print(event.delta, end="|")
    elif event.type == "transcript.text.done":
        print()
        print(event.text)
        print(event.usage)
