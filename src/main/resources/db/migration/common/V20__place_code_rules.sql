-- A code of an organisation or unit is a segment of the materialised paths beneath it, so it
-- never holds a slash, a space or a lower-case letter; the application checks the whole rule
-- (kernel Codes) on every way in, and this keeps any writer that bypasses it from breaking
-- the paths.
ALTER TABLE organisation ADD CONSTRAINT ck_organisation_code
	CHECK (code NOT LIKE '%/%' AND code NOT LIKE '% %' AND code = UPPER(code));
ALTER TABLE org_unit ADD CONSTRAINT ck_org_unit_code
	CHECK (code NOT LIKE '%/%' AND code NOT LIKE '% %' AND code = UPPER(code));
