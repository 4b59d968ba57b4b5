-- A document as a server before the journal sealed its text wrote it.
INSERT INTO journal.documents
       (entry_id, position, description, sha256, content, size_bytes, role)
VALUES (1, 0, 'Attester Bjørnstad', repeat('a', 64),
        'application letter'::bytea, 18, 'application')
