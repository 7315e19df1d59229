parse --dump no-such.site
