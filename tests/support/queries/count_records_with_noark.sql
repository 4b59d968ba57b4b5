SELECT count(*) FROM deposits.records WHERE noark_sealed IS NOT NULL
