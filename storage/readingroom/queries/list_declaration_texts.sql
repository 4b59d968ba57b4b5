-- Every declaration text by version; the body only when $1 (else '').
SELECT version, sha256, created_by,
       (extract(epoch FROM created_at) * 1000000)::bigint AS created_us,
       CASE WHEN $1 THEN body ELSE '' END AS body
  FROM readingroom.declaration_texts
 ORDER BY version;
