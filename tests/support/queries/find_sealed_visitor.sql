SELECT name_sealed, contact_sealed FROM readingroom.visitors WHERE id = $1
