-- Returns the items $2 (text[]) of loan $1 still out at $3 (microseconds
-- since the epoch), taken back by $4; their units go back to the stacks.
-- The loan itself is returned when $5.
WITH items AS (
  UPDATE readingroom.loan_items
     SET returned_at = timestamptz 'epoch' + $3::bigint * interval '1 microsecond',
         taken_back_by = $4
   WHERE loan_id = $1 AND item_ref = ANY($2::text[]) AND returned_at IS NULL
  RETURNING id
), units AS (
  UPDATE readingroom.loan_units
     SET out = false
   WHERE out AND loan_item_id IN (SELECT id FROM items)
)
UPDATE readingroom.loans
   SET returned_at = timestamptz 'epoch' + $3::bigint * interval '1 microsecond'
 WHERE id = $1 AND $5;
