-- Opens a loan with its items and takes their units out, in one statement.
-- $1 visitor, $2 visit, $3 declaration, $4 special approval or NULL, $5
-- approved by ('' for none), $6 opened at (microseconds since the epoch),
-- $7 handed out by. The items as parallel text[] arrays, one element per
-- item: $8 item ref, $9 is box ('t'/'f'), $10 deposit id, $11 organisation
-- number, $12 category, $13 special category ('t'/'f'), $14 box, $15 shelf,
-- $16 record ids (each an array literal). The units, one element per unit:
-- $17 item ref, $18 unit. A unique violation: a unit is out already.
WITH loan AS (
  INSERT INTO readingroom.loans (visitor_id, visit_id, declaration_id,
                                 approval_id, approved_by, opened_at,
                                 handed_out_by)
  VALUES ($1, $2, $3, $4::bigint, NULLIF($5, ''),
          timestamptz 'epoch' + $6::bigint * interval '1 microsecond', $7)
  RETURNING id
), items AS (
  INSERT INTO readingroom.loan_items (loan_id, item_ref, is_box, deposit_id,
                                      organization_number, category,
                                      special_category, box, shelf,
                                      record_ids)
  SELECT loan.id, i.item_ref, i.is_box::boolean, i.deposit_id::bigint, i.org,
         i.category, i.special::boolean, i.box, i.shelf,
         i.record_ids::bigint[]
    FROM loan,
         unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                $13::text[], $14::text[], $15::text[], $16::text[])
           AS i(item_ref, is_box, deposit_id, org, category, special, box,
                shelf, record_ids)
  RETURNING id, item_ref
), units AS (
  INSERT INTO readingroom.loan_units (loan_item_id, unit)
  SELECT items.id, u.unit
    FROM items
    JOIN unnest($17::text[], $18::text[]) AS u(item_ref, unit)
      ON u.item_ref = items.item_ref
)
SELECT id FROM loan;
