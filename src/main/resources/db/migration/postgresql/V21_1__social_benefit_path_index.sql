-- See V1_1: prefix searches on paths need the pattern operator class.
CREATE INDEX ix_social_benefit_path ON social_benefit_record (path varchar_pattern_ops);
