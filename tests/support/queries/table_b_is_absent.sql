SELECT to_regclass('public.b') IS NULL
