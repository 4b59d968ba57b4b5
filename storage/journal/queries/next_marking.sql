-- The number of the next marking of screened words in entry $1 (by id).
SELECT coalesce(max(marking), 0) + 1
FROM journal.screened_words
WHERE entry_id = $1
