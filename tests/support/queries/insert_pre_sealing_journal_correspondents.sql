-- Correspondents as a server before the journal sealed its text wrote them.
INSERT INTO journal.correspondents
       (entry_id, position, name, kind, role, folded_name)
VALUES (1, 0, 'Kari Nordmann', 'sender', 'applicant', 'kari nordmann'),
       (1, 1, 'Per Berg', 'sender', 'applicant', 'per berg')
