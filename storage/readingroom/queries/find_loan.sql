-- Loan $1, one row per item, items in order.
SELECT * FROM readingroom.loan_item_rows WHERE loan_id = $1 ORDER BY item_id;
