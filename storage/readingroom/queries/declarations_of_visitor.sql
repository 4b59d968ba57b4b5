-- Visitor $1's declarations, newest first; their texts' bodies only when $2
-- (else '').
SELECT d.*, CASE WHEN $2 THEN t.body ELSE '' END AS body
  FROM readingroom.declaration_rows d
  LEFT JOIN readingroom.declaration_texts t ON t.version = d.text_version
 WHERE d.visitor_id = $1
 ORDER BY d.id DESC;
