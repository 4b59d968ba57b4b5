SELECT count(*) FROM readingroom.visitors
