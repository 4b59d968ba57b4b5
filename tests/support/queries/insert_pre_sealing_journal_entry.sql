-- An entry as a server before the journal sealed its text wrote it.
INSERT INTO journal.entries
       (case_id, journal_year, journal_sequence, number_in_case, entry_type,
        status, title, journal_date, recorded_by)
VALUES (1, 2026, 1, 1, 'I', 'J', 'Søknad fra Kari Nordmann', '2026-03-01',
        'anna')
