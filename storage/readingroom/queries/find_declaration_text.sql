-- Declaration text version $1 with its body; version 0: the newest.
SELECT version, sha256, created_by,
       (extract(epoch FROM created_at) * 1000000)::bigint AS created_us,
       body
  FROM readingroom.declaration_texts
 WHERE version = CASE WHEN $1 = 0
                      THEN (SELECT max(version) FROM readingroom.declaration_texts)
                      ELSE $1 END;
