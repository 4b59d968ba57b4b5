-- A name release as a server before the journal sealed its text wrote it.
INSERT INTO journal.name_releases
       (case_id, canonical_name, reason, released_at, released_by)
VALUES (1, 'per berg', 'asked not to be screened', now(), 'anna')
