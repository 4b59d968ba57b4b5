SELECT count(*), max(case_sequence) FROM journal.cases WHERE case_year = $1
