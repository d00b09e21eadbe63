#!/usr/bin/env bash
# Prepares a local Postgres for development: starts the Debian cluster if it is down, creates the
# `continuum` role and database, and prints the DATABASE_URL to use.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  for version in $(ls /etc/postgresql); do as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start; done
fi
as_root su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'continuum') THEN
    CREATE ROLE continuum LOGIN CREATEDB CREATEROLE PASSWORD 'continuum-dev';
  END IF;
END $$;
SELECT 'CREATE DATABASE continuum OWNER continuum' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'continuum')\gexec
SQL
echo "export DATABASE_URL=postgres://continuum:continuum-dev@127.0.0.1:5432/continuum"
