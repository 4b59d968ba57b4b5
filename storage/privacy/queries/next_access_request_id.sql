-- Reserves the id of a new access request (its identity is sealed with the
-- id as associated data before the row is inserted).
SELECT nextval(pg_get_serial_sequence('privacy.access_requests', 'id'))
