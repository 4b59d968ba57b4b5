-- Deletes the access requests whose ids are in $1 (a bigint[] literal).
DELETE FROM privacy.access_requests WHERE id = ANY($1::bigint[])
