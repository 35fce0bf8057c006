/// An in-process fake Gemini server.
