-- A case as a server before the journal sealed its text wrote it.
INSERT INTO journal.cases
       (case_year, case_sequence, kind, title, public_title, created_by)
VALUES (2026, 1, 'job_application', 'Stilling etter Kari Nordmann',
        'Stilling', 'anna')
