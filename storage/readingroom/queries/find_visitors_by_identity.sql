-- Visitors whose keyed identity index matches, by id: the identity number's
-- $1 or the name and birth date's $2 (an empty one matches nothing).
SELECT *
  FROM readingroom.visitor_rows
 WHERE id IN (SELECT id
                FROM readingroom.visitors
               WHERE ($1 <> '' AND national_id_index = $1)
                  OR ($2 <> '' AND person_index = $2))
 ORDER BY id;
