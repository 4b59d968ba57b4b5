-- Loans not yet returned, one row per item, oldest loan first.
SELECT *
  FROM readingroom.loan_item_rows
 WHERE loan_open
 ORDER BY loan_id, item_id;
