SELECT 1 FROM deposits.deposits WHERE id = $1 FOR UPDATE NOWAIT
