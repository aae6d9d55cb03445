-- The staging and mart schemas of 0001 were never used, and are dropped:
-- - a run's typed rows live in temporary tables of its connection (pipelines/runner/load.ts): in memory, never in
--   the write-ahead log, gone with the run; DDL on a staging schema inside a load would be logged, and DuckDB's log
--   replay after DDL is what STACK.md warns about;
-- - the dashboard reads core through each domain's queries (src/domains/<dominio>/), computed per request over the
--   data version; no figure needs a stored mart.
DROP SCHEMA IF EXISTS staging;
DROP SCHEMA IF EXISTS mart;
