INSERT INTO bench_baseline (visitor_id, item, opened_at)
VALUES ($1, $2, now())
RETURNING id
