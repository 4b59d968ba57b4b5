UPDATE readingroom.declarations SET valid_until = valid_until + interval '1 day'
