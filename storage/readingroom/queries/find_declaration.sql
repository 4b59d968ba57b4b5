-- Declaration $1 with the body of its text.
SELECT d.*, t.body
  FROM readingroom.declaration_rows d
  LEFT JOIN readingroom.declaration_texts t ON t.version = d.text_version
 WHERE d.id = $1;
