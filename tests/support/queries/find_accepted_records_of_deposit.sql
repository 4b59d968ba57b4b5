SELECT accepted_records FROM deposits.deposits WHERE id = $1
