-- load_loan_check with declaration $2 alone (whoever's it is) and the units
-- $3 (text[]). A statement of its own rather than a CASE in one: PostgreSQL
-- plans each once (a generic plan) instead of at every call.
SELECT v.*,
       (SELECT coalesce(json_agg(d ORDER BY d.id DESC), '[]')
          FROM (SELECT r.*, t.body
                  FROM readingroom.declaration_rows r
                  LEFT JOIN readingroom.declaration_texts t
                    ON t.version = r.text_version
                 WHERE r.id = $2) d) AS declarations,
       (SELECT coalesce(json_agg(json_build_array(u.unit, i.loan_id,
                                                  i.item_ref)), '[]')
          FROM readingroom.loan_units u
          JOIN readingroom.loan_items i ON i.id = u.loan_item_id
         WHERE u.out AND u.unit = ANY($3::text[])) AS units_out
  FROM readingroom.visitor_rows v
 WHERE v.id = $1;
