-- How many sealed events of log $1 have seq <= $2.
SELECT count(*) FROM audit.events WHERE log = $1 AND seq <= $2
