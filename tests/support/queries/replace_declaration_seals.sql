UPDATE readingroom.declarations SET seal = translate(seal, 'abc', 'bca')
