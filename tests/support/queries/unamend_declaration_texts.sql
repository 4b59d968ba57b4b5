UPDATE readingroom.declaration_texts SET body = left(body, length(body) - 10)
