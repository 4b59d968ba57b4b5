SELECT content_sealed, content_key FROM journal.documents
