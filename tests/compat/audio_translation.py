"""Translate speech into English, as the speech-to-text guide does, in two response formats."""

from openai import OpenAI

client = OpenAI()

audio = ("german.mp3", b"ID3" + bytes(2000))
translation = client.audio.translations.create(model="whisper-1", file=audio)
print(type(translation).__name__, translation.text)

text = client.audio.translations.create(model="whisper-1", file=audio, response_format="text")
print(type(text).__name__, repr(text.strip()))

verbose = client.audio.translations.create(model="whisper-1", file=audio, response_format="json", prompt="Guten Tag")
print(verbose.text)
