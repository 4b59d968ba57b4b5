-- Visitor $1's loans not yet returned, one row per item, oldest first.
SELECT *
  FROM readingroom.loan_item_rows
 WHERE loan_open AND visitor_id = $1
 ORDER BY loan_id, item_id;
