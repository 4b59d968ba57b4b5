UPDATE readingroom.declarations SET witnessed_by = $2 WHERE witnessed_by = $1
