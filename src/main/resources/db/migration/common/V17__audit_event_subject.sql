-- The records an audited event held: every child of an export, every child whose IIN an
-- import report showed. One row per child and event, written in batches in the event's own
-- transaction, so that a child's read history finds the exports and reports that held it.
-- No foreign key to audit_event: the log is append-only and the rows are written with their
-- event, and a national export writes a million of them, which a per-row key check slows.
CREATE TABLE audit_event_subject (
	event_id BIGINT NOT NULL,
	record_type VARCHAR(40) NOT NULL,
	record_id VARCHAR(80) NOT NULL
);
CREATE INDEX ix_audit_event_subject_record ON audit_event_subject (record_type, record_id, event_id);
