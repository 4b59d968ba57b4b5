INSERT INTO journal.entry_counters VALUES (2026, 1)
