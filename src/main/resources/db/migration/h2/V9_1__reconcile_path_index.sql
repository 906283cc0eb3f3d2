-- Prefix searches on paths (scope) use these indexes.
CREATE INDEX ix_reconcile_result_path ON reconcile_result (run_id, path);
CREATE INDEX ix_reconcile_result_residence ON reconcile_result (run_id, residence_path);
