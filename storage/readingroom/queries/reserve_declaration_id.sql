-- Takes the next declaration id, which the declaration's seal covers.
SELECT nextval(pg_get_serial_sequence('readingroom.declarations', 'id'));
