SELECT 1 FROM deposits.depositors WHERE organization_number = $1 FOR UPDATE NOWAIT
