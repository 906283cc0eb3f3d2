-- See V1_1: prefix searches on paths need the pattern operator class.
CREATE INDEX ix_reconcile_result_path ON reconcile_result (run_id, path varchar_pattern_ops);
CREATE INDEX ix_reconcile_result_residence ON reconcile_result (run_id, residence_path varchar_pattern_ops);
