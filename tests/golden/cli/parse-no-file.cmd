parse --dump
