UPDATE readingroom.declaration_texts SET body = body || ' (amended)'
