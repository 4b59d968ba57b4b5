-- The correspondents of every entry of case $1 (by id), with the screening
-- of their entry (e_*), in journal order.
SELECT k.id, k.position, k.name, k.name_sealed, k.kind, k.role,
       k.access_restriction, k.screening_authority, k.screening_metadata,
       k.screening_ends, e.journal_year, e.journal_sequence,
       e.access_restriction AS e_access_restriction,
       e.screening_authority AS e_screening_authority,
       e.screening_metadata AS e_screening_metadata,
       e.screening_ends AS e_screening_ends
FROM journal.correspondents k
JOIN journal.entries e ON e.id = k.entry_id
WHERE e.case_id = $1
ORDER BY e.number_in_case, k.position
