-- Whether the database answers (the health probe).
SELECT 1
