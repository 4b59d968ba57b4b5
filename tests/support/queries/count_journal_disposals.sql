SELECT count(*) FROM journal.disposals
