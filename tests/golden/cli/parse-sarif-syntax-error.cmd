parse --dump --format sarif ../errors/multi-error.site
