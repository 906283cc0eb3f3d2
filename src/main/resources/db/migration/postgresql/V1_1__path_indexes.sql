-- Prefix searches on materialised paths (path LIKE '/KZ/KZ-61/%') need a pattern operator
-- class to use the index under any database collation.
CREATE INDEX ix_org_unit_path ON org_unit (path varchar_pattern_ops);
CREATE INDEX ix_organisation_path ON organisation (path varchar_pattern_ops);
CREATE INDEX ix_app_user_scope_path ON app_user (scope_path varchar_pattern_ops);
CREATE INDEX ix_audit_event_path ON audit_event (record_path varchar_pattern_ops);
