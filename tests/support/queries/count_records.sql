SELECT count(*) FROM deposits.records
