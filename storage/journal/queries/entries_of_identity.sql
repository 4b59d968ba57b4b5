-- The entries where a person is a correspondent, by national id index $1
-- or person index $2 (NULL matches nothing), in journal order. Each arm
-- of the UNION uses its partial index.
SELECT * FROM journal.entry_rows
WHERE id IN (SELECT m.entry_id FROM journal.correspondents m
             WHERE m.national_id_index = $1
             UNION
             SELECT m.entry_id FROM journal.correspondents m
             WHERE m.person_index = $2)
ORDER BY journal_year, journal_sequence
