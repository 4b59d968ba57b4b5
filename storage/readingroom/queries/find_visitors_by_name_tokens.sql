-- Visitors whose name has all $2 tokens of $1 (text[]), by id, at most $3.
SELECT *
  FROM readingroom.visitor_rows
 WHERE id IN (SELECT visitor_id
                FROM readingroom.visitor_name_tokens
               WHERE token = ANY($1::text[])
               GROUP BY visitor_id
              HAVING count(*) = $2)
 ORDER BY id
 LIMIT $3;
