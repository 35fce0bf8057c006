"""The google-genai SDK doing what `squint batch --task detect` does, for `make bench`: every image of a folder
sent with the same prompt, N requests in flight (a thread pool over one client), each answer read.

usage: sdk_batch.py FOLDER CONCURRENCY PROMPT  (GOOGLE_API_KEY and GOOGLE_GEMINI_BASE_URL from the environment)
"""
import concurrent.futures
import mimetypes
import os
import sys

from google import genai
from google.genai import types


def main():
    folder, concurrency, prompt = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    client = genai.Client(
        api_key=os.environ["GOOGLE_API_KEY"],
        http_options=types.HttpOptions(base_url=os.environ["GOOGLE_GEMINI_BASE_URL"], api_version="v1beta"),
    )
    paths = sorted(os.path.join(folder, name) for name in os.listdir(folder))

    def ask(path):
        with open(path, "rb") as handle:
            data = handle.read()
        mime = mimetypes.guess_type(path)[0] or "image/jpeg"
        response = client.models.generate_content(
            model="gemini-2.5-flash",
            contents=[types.Part.from_bytes(data=data, mime_type=mime), prompt],
            config=types.GenerateContentConfig(temperature=0.5, thinking_config=types.ThinkingConfig(thinking_budget=0)),
        )
        return len(response.text or "")

    with concurrent.futures.ThreadPoolExecutor(max_workers=concurrency) as pool:
        answered = sum(1 for length in pool.map(ask, paths) if length > 0)
    print(answered)


if __name__ == "__main__":
    main()
