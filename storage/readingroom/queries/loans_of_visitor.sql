-- Every loan of visitor $1, one row per item, oldest first.
SELECT *
  FROM readingroom.loan_item_rows
 WHERE visitor_id = $1
 ORDER BY loan_id, item_id;
