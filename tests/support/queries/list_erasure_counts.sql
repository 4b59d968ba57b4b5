SELECT erased_count, kept_count FROM privacy.erasures
