SELECT count(*) FROM audit.events WHERE log = $1 AND seq IS NOT NULL
