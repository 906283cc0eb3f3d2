-- Figures of record (docs/reporting.md): when the Ministry accepts a school year, its facts
-- and the value of every indicator at every place are frozen as revision 1; a correction
-- afterwards freezes revision 2, and so on. A revision is never changed once written.
CREATE TABLE figure_revision (
	school_year INT NOT NULL,
	revision INT NOT NULL,
	frozen_at TIMESTAMP WITH TIME ZONE NOT NULL,
	frozen_by VARCHAR(60) NOT NULL,
	reason VARCHAR(1000),
	census DATE NOT NULL,
	value_count INT NOT NULL,
	-- The year's facts, compressed: every disaggregation of a revision is computed from them
	-- exactly as live figures are computed from the registers.
	facts BYTEA NOT NULL,
	CONSTRAINT pk_figure_revision PRIMARY KEY (school_year, revision)
);

-- One row per indicator and place (unit or organisation), not divided: what revisions are
-- compared by.
CREATE TABLE figure_value (
	school_year INT NOT NULL,
	revision INT NOT NULL,
	indicator VARCHAR(40) NOT NULL,
	path VARCHAR(450) NOT NULL,
	org_unit VARCHAR(60) NOT NULL,
	organisation BOOLEAN NOT NULL,
	numerator DECIMAL(18, 2),
	denominator DECIMAL(18, 2),
	figure DECIMAL(18, 4),
	CONSTRAINT pk_figure_value PRIMARY KEY (school_year, revision, indicator, path),
	CONSTRAINT fk_figure_value_revision FOREIGN KEY (school_year, revision) REFERENCES figure_revision (school_year, revision)
);
