-- Times as text in UTC and ISO format for the rest of the transaction:
-- parsed exactly to microseconds, and the same on every server whatever its
-- TimeZone setting.
SELECT set_config('TimeZone', 'UTC', true),
       set_config('DateStyle', 'ISO, YMD', true)
