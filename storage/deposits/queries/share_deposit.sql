-- The deposit with id $1 for a batch of records written into it. KEY
-- SHARE is what the records' foreign key takes anyway: batches write side
-- by side and take turns only for the counters' UPDATE (FOR NO KEY
-- UPDATE), while lock_deposit (FOR UPDATE) waits for all of them.
SELECT * FROM deposits.deposit_rows WHERE id = $1 FOR KEY SHARE
