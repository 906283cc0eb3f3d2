-- See V1_1: prefix searches on paths need the pattern operator class.
CREATE INDEX ix_health_registry_path ON health_registry_record (path varchar_pattern_ops);
