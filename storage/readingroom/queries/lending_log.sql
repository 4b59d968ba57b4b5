-- Every lent item that took out any of the units $1 (text[]), with the
-- borrower's sealed name, in the order the loans were opened.
SELECT loan_id, item_ref, visitor_id, name_sealed, key_id, subject,
       opened_us, handed_out_by, item_returned_us, taken_back_by
  FROM readingroom.loan_item_rows
 WHERE item_id IN (SELECT loan_item_id
                     FROM readingroom.loan_units
                    WHERE unit = ANY($1::text[]))
 ORDER BY opened_us, loan_id, item_id;
