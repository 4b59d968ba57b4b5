-- Loan $1's copy agreements, oldest first.
SELECT c.id, c.loan_id, c.item_refs, c.method, c.purpose, c.approved_by,
       (extract(epoch FROM c.approved_at) * 1000000)::bigint AS approved_us
  FROM readingroom.copy_agreements c
 WHERE c.loan_id = $1
 ORDER BY c.id;
