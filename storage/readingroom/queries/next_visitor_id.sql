-- Takes the next visitor id, so that the sealed fields can name it.
SELECT nextval(pg_get_serial_sequence('readingroom.visitors', 'id'));
