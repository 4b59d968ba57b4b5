SELECT count(*) FROM deposits.records WHERE noark_sealed LIKE '%Offl%'
