"""Transcribe and translate audio files: a path, an open file, and a (name, bytes) tuple."""

from pathlib import Path

from openai import OpenAI

client = OpenAI()

speech = client.audio.speech.create(model="tts-1", voice="alloy", input="The quick brown fox.")
Path("fox.mp3").write_bytes(speech.content)

with open("fox.mp3", "rb") as audio_file:
    transcription = client.audio.transcriptions.create(model="whisper-1", file=audio_file)
print(transcription.text)

text = client.audio.transcriptions.create(model="whisper-1", file=Path("fox.mp3"), response_format="text")
print(repr(text))

translation = client.audio.translations.create(model="whisper-1", file=("fox.mp3", speech.content, "audio/mpeg"))
print(translation.text)
print(transcription)
