-- The Ministry of Labour and Social Protection's register of children with a disability
-- who receive the state benefit, kept as received (identifiers and names unchecked), the
-- third source of reconciliation beside the enrolment extract and the health registry.
-- benefit_type: CHILD_WITH_DISABILITY (a child under 16), GROUP_1, GROUP_2, GROUP_3 (16 and
-- over, by disability group), CARER (paid to the person who cares for the child).
CREATE TABLE social_benefit_record (
	record_id VARCHAR(40) PRIMARY KEY,
	iin VARCHAR(12),
	surname VARCHAR(100) NOT NULL,
	given_name VARCHAR(100) NOT NULL,
	patronymic VARCHAR(100),
	birth_date DATE NOT NULL,
	sex VARCHAR(6) NOT NULL,
	region_code VARCHAR(40) NOT NULL REFERENCES org_unit (code),
	district_code VARCHAR(40) REFERENCES org_unit (code),
	path VARCHAR(450) NOT NULL,
	benefit_type VARCHAR(30) NOT NULL,
	paid_from DATE NOT NULL,
	paid_until DATE,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_by VARCHAR(60) NOT NULL,
	CONSTRAINT ck_social_benefit_sex CHECK (sex IN ('MALE', 'FEMALE')),
	CONSTRAINT ck_social_benefit_type CHECK (benefit_type IN ('CHILD_WITH_DISABILITY', 'GROUP_1', 'GROUP_2',
		'GROUP_3', 'CARER')),
	CONSTRAINT ck_social_benefit_paid CHECK (paid_until IS NULL OR paid_until >= paid_from)
);
CREATE INDEX ix_social_benefit_iin ON social_benefit_record (iin);
