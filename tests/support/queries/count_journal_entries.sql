SELECT count(*) FROM journal.entries
