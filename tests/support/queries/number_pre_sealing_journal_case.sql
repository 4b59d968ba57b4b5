UPDATE journal.cases SET last_number_in_case = 1
