UPDATE bench_baseline SET returned_at = now() WHERE id = $1
