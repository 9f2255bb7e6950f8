"""Turn text into speech and stream it to a file, as in the official text-to-speech guide."""

from pathlib import Path

from openai import OpenAI

client = OpenAI()
speech_file_path = Path("speech.mp3")

with client.audio.speech.with_streaming_response.create(
    model="gpt-4o-mini-tts",
    voice="coral",
    input="Today is a wonderful day to build something people love!",
    instructions="Speak in a cheerful and positive tone.",
) as response:
    print(response.status_code, response.headers.get("content-type"))
    response.stream_to_file(speech_file_path)

data = speech_file_path.read_bytes()
print(speech_file_path.name, len(data), data[:4])

whole = client.audio.speech.create(model="tts-1", voice="alloy", input="Hello world", response_format="wav")
whole.write_to_file("hello.wav")
print(len(Path("hello.wav").read_bytes()), len(whole.content), whole.content[:4])
