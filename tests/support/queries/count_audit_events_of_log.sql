SELECT count(*) FROM audit.events WHERE log = $1
