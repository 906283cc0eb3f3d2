-- See V1_1: prefix searches on paths need the pattern operator class.
CREATE INDEX ix_learner_path ON learner (path varchar_pattern_ops);
