-- The rows JournalService reads back, each defined once for the statements
-- of storage/journal/queries that select them. Timestamps come as whole
-- microseconds since the epoch (*_us), every other column as stored: the
-- sealed text as written and the clear text of rows written before
-- migration 203 (storage/journal/journal_rows.cc opens the one or takes
-- the other). A migration that drops the clear columns redefines these
-- views.

-- A case. One table only, so that FOR UPDATE through the view locks just
-- the case's row.
CREATE VIEW journal.case_rows AS
SELECT c.id, c.system_id::text AS system_id, c.case_year, c.case_sequence,
       c.kind, c.title, c.title_sealed, c.public_title, c.public_title_sealed,
       c.status, c.administrative_unit, c.case_officer, c.access_restriction,
       c.screening_authority, c.screening_metadata, c.screening_ends,
       (extract(epoch FROM c.created_at) * 1000000)::bigint AS created_us,
       c.created_by,
       (extract(epoch FROM c.closed_at) * 1000000)::bigint AS closed_us,
       c.closed_by, c.last_number_in_case
FROM journal.cases c;

-- An entry with its case's number, and its correspondents and documents
-- (with their disposals) as JSON arrays in the order of their positions.
CREATE VIEW journal.entry_rows AS
SELECT e.id, e.system_id::text AS system_id, e.case_id, c.case_year,
       c.case_sequence, e.journal_year, e.journal_sequence, e.number_in_case,
       e.entry_type, e.status, e.title, e.title_sealed, e.public_title,
       e.public_title_sealed, e.document_date, e.journal_date,
       e.access_restriction, e.screening_authority, e.screening_metadata,
       e.screening_ends,
       (extract(epoch FROM e.recorded_at) * 1000000)::bigint AS recorded_us,
       e.recorded_by,
       (SELECT coalesce(json_agg(json_build_object(
                  'id', k.id, 'pos', k.position, 'name', k.name,
                  'ns_name', k.name_sealed, 'kind', k.kind, 'role', k.role,
                  'ar', k.access_restriction, 'au', k.screening_authority,
                  'md', k.screening_metadata, 'ends', k.screening_ends::text,
                  'bd', k.birth_date_sealed, 'ns', k.national_id_sealed,
                  'ni', k.national_id_index, 'pi', k.person_index,
                  'sub', k.subject) ORDER BY k.position), '[]')
        FROM journal.correspondents k
        WHERE k.entry_id = e.id) AS correspondents,
       (SELECT coalesce(json_agg(json_build_object(
                  'id', d.id, 'pos', d.position, 'description', d.description,
                  'description_sealed', d.description_sealed,
                  'sha256', d.sha256, 'ref', d.content_ref,
                  'ref_sealed', d.content_ref_sealed, 'key', d.content_key,
                  'size', d.size_bytes, 'role', d.role,
                  'ar', d.access_restriction, 'au', d.screening_authority,
                  'md', d.screening_metadata, 'ends', d.screening_ends::text,
                  'disposed_us',
                  (extract(epoch FROM x.disposed_at) * 1000000)::bigint,
                  'disposed_by', x.disposed_by, 'decision', x.decision,
                  'months', x.retention_months) ORDER BY d.position), '[]')
        FROM journal.documents d
        LEFT JOIN journal.disposals x ON x.document_id = d.id
        WHERE d.entry_id = e.id) AS documents
FROM journal.entries e
JOIN journal.cases c ON c.id = e.case_id;
