UPDATE readingroom.declarations SET witnessed_by = $2 WHERE id = $1
