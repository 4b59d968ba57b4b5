INSERT INTO journal.case_counters VALUES (2026, 1)
