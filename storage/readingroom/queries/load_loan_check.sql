-- What a loan to visitor $1 checks, in one round trip: the visitor (with
-- the open visit), every declaration of theirs with its text's body as a
-- JSON array (newest first), and which of the units $2 (text[]) are out, as
-- a JSON array of [unit, loan id, item ref]. No row: no such visitor.
SELECT v.*,
       (SELECT coalesce(json_agg(d ORDER BY d.id DESC), '[]')
          FROM (SELECT r.*, t.body
                  FROM readingroom.declaration_rows r
                  LEFT JOIN readingroom.declaration_texts t
                    ON t.version = r.text_version
                 WHERE r.visitor_id = v.id) d) AS declarations,
       (SELECT coalesce(json_agg(json_build_array(u.unit, i.loan_id,
                                                  i.item_ref)), '[]')
          FROM readingroom.loan_units u
          JOIN readingroom.loan_items i ON i.id = u.loan_item_id
         WHERE u.out AND u.unit = ANY($2::text[])) AS units_out
  FROM readingroom.visitor_rows v
 WHERE v.id = $1;
