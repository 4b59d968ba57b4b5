INSERT INTO bench_loans (item, visitor) VALUES ($1, $2) RETURNING id
