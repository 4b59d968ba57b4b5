-- The disposal of document $1 (by id): $2 when (microseconds since the
-- epoch), $3 by whom, $4 the decision carried out, $5 the retention period
-- in months.
INSERT INTO journal.disposals (document_id, disposed_at, disposed_by,
                               decision, retention_months)
VALUES ($1, to_timestamp($2::double precision / 1e6), $3, $4, $5)
