UPDATE bench_loans SET returned_at = now() WHERE id = $1
