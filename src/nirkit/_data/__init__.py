"""Reference tables generated from shared/data by scripts/gen_tables.py."""
