SELECT d.id, d.content_sealed IS NULL AS gone, x.decision, x.disposed_by,
       c.case_year || '/' || c.case_sequence AS case_number
  FROM journal.documents d
  JOIN journal.entries e ON e.id = d.entry_id
  JOIN journal.cases c ON c.id = e.case_id
  LEFT JOIN journal.disposals x ON x.document_id = d.id
 ORDER BY d.id
