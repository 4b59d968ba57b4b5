-- Visitor $1's visits, by check-in time.
SELECT *
  FROM readingroom.visit_rows
 WHERE visitor_id = $1
 ORDER BY checked_in_at, visit_id;
