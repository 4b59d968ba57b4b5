-- The rows ReadingRoomService's store reads, each defined once: several
-- statements in storage/readingroom/queries/ select from these views
-- instead of repeating a long column list or join. Times come out as whole
-- microseconds since the epoch (bigint, the store's time format); the
-- planner expands a view into the statement, so indexes work as before.

-- A visitor as the store reads it, with the id of their open visit (NULL
-- when not checked in).
CREATE VIEW readingroom.visitor_rows AS
SELECT v.id, v.name_sealed, v.contact_sealed, v.id_document_kind, v.subject,
       v.key_id, v.birth_date_sealed, v.national_id_sealed,
       (extract(epoch FROM v.registered_at) * 1000000)::bigint AS registered_us,
       v.registered_by,
       (extract(epoch FROM v.corrected_at) * 1000000)::bigint AS corrected_us,
       v.corrected_by,
       (SELECT o.id FROM readingroom.visits o
         WHERE o.visitor_id = v.id AND o.checked_out_at IS NULL)
         AS open_visit_id
  FROM readingroom.visitors v;

-- A visit with the visitor's sealed name: checked_in_at for the range and
-- order of the day log, in_us and out_us for the store.
CREATE VIEW readingroom.visit_rows AS
SELECT s.id AS visit_id, s.visitor_id, v.name_sealed, v.key_id, v.subject,
       s.checked_in_at,
       (extract(epoch FROM s.checked_in_at) * 1000000)::bigint AS in_us,
       s.checked_in_by,
       (extract(epoch FROM s.checked_out_at) * 1000000)::bigint AS out_us,
       s.checked_out_by
  FROM readingroom.visits s
  JOIN readingroom.visitors v ON v.id = s.visitor_id;

-- A signed declaration as the store reads it (its text is joined by the
-- statements that want it).
CREATE VIEW readingroom.declaration_rows AS
SELECT d.id, d.visitor_id, d.text_version, d.text_sha256, d.scope_kind,
       d.scope_values,
       (extract(epoch FROM d.valid_from) * 1000000)::bigint AS from_us,
       (extract(epoch FROM d.valid_until) * 1000000)::bigint AS until_us,
       (extract(epoch FROM d.signed_at) * 1000000)::bigint AS signed_us,
       d.witnessed_by, d.signature_scan_sha256, d.seal_key_id, d.seal,
       (extract(epoch FROM d.revoked_at) * 1000000)::bigint AS revoked_us,
       d.revoked_by, d.revoke_reason
  FROM readingroom.declarations d;

-- One row per lent item, with its loan and the borrower's sealed name:
-- loan_open while the loan is not returned, item_id for the items' order.
CREATE VIEW readingroom.loan_item_rows AS
SELECT l.id AS loan_id, l.visitor_id, v.name_sealed, v.key_id, v.subject,
       l.visit_id, l.declaration_id,
       coalesce(l.approval_id, 0) AS approval_id,
       coalesce(l.approved_by, '') AS approved_by,
       (extract(epoch FROM l.opened_at) * 1000000)::bigint AS opened_us,
       l.handed_out_by,
       (extract(epoch FROM l.returned_at) * 1000000)::bigint AS returned_us,
       l.returned_at IS NULL AS loan_open,
       i.id AS item_id, i.item_ref, i.is_box, i.deposit_id,
       i.organization_number, i.category, i.special_category, i.box, i.shelf,
       i.record_ids,
       (extract(epoch FROM i.returned_at) * 1000000)::bigint
         AS item_returned_us,
       i.taken_back_by
  FROM readingroom.loans l
  JOIN readingroom.visitors v ON v.id = l.visitor_id
  JOIN readingroom.loan_items i ON i.loan_id = l.id;
