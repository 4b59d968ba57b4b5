-- Application documents of closed cases that still hold content or a
-- reference and were not disposed of, with their entry, case and
-- applicants, locked: a concurrent run waits, then finds them disposed.
SELECT d.id, d.position, d.description, d.description_sealed,
       e.journal_year, e.journal_sequence, c.case_year, c.case_sequence,
       c.kind, (extract(epoch FROM c.closed_at) * 1000000)::bigint AS closed_us,
       (SELECT coalesce(json_agg(json_build_array(k.name, k.name_sealed,
                                                  k.position,
                                                  coalesce(k.subject, ''))
                                 ORDER BY k.position), '[]')
        FROM journal.correspondents k
        WHERE k.entry_id = e.id AND k.role = 'applicant') AS applicants
FROM journal.documents d
JOIN journal.entries e ON e.id = d.entry_id
JOIN journal.cases c ON c.id = e.case_id
WHERE d.role = 'application' AND c.status = 'closed'
  AND (d.content IS NOT NULL OR d.content_ref IS NOT NULL
       OR d.content_sealed IS NOT NULL OR d.content_ref_sealed IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM journal.disposals x
                  WHERE x.document_id = d.id)
ORDER BY d.id
FOR UPDATE OF d
