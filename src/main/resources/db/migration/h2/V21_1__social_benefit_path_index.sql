-- Prefix searches on paths (scope) use this index.
CREATE INDEX ix_social_benefit_path ON social_benefit_record (path);
