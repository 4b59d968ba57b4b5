SELECT $1::int + $2::int
