CREATE INDEX ix_org_unit_path ON org_unit (path);
CREATE INDEX ix_organisation_path ON organisation (path);
CREATE INDEX ix_app_user_scope_path ON app_user (scope_path);
CREATE INDEX ix_audit_event_path ON audit_event (record_path);
