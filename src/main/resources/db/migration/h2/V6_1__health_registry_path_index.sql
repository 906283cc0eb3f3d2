-- Prefix searches on paths (scope) use this index.
CREATE INDEX ix_health_registry_path ON health_registry_record (path);
