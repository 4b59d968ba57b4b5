-- How many events of log $1 wait to be sealed.
SELECT count(*) FROM audit.events WHERE log = $1 AND seq IS NULL
