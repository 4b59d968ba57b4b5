-- The rows DepositService reads back, each defined once for the statements
-- of storage/deposits/queries that select them. Timestamps come as whole
-- microseconds since the epoch (*_us), every other column as stored
-- (storage/deposits/deposit_rows.cc reads NULL as "" or 0).

-- A deposit with its depositor's organisation number. The number is a
-- subquery, not a join, so that the view reads one table: FOR UPDATE and
-- FOR KEY SHARE through it lock the deposit's row and leave the
-- depositor's alone, and the row they return is the locked version.
CREATE VIEW deposits.deposit_rows AS
SELECT d.id, d.depositor_id,
       (SELECT dp.organization_number FROM deposits.depositors dp
        WHERE dp.id = d.depositor_id) AS organization_number,
       d.category, d.description, d.deposit_date, d.state,
       d.accepted_records, d.rejected_records,
       (extract(epoch FROM d.created_at) * 1000000)::bigint AS created_us,
       d.created_by, d.cancel_reason
FROM deposits.deposits d;

-- A deposited record (still sealed) with its deposit's organisation
-- number, category and state, and the reason of an exception from the
-- 10-year rule granted for it (NULL without one).
CREATE VIEW deposits.record_rows AS
SELECT r.id, r.deposit_id, dp.organization_number, d.category,
       d.state AS deposit_state, r.source_record_id, r.position,
       r.name_sealed, r.national_id_sealed, r.national_id_kind,
       r.national_id_index, r.person_index, r.birth_date_sealed,
       r.opened_date, r.last_contact_date, r.death_year, r.box, r.shelf,
       r.documents_sealed, r.noark_sealed, r.subject,
       x.reason AS exception_reason
FROM deposits.records r
JOIN deposits.deposits d ON d.id = r.deposit_id
JOIN deposits.depositors dp ON dp.id = d.depositor_id
LEFT JOIN deposits.record_exceptions x
  ON x.deposit_id = r.deposit_id AND x.source_record_id = r.source_record_id;
