-- Outcomes: the pupils' term results and attendance, and who left school, read beside the
-- support delivered (docs/data-exchange.md, "Results, attendance and leavers").
--
-- The subjects of the national curriculum (the state general education standard, grades
-- 1-11/12), by the small number results store instead of the code. The numbers are fixed
-- once given: a subject that leaves the curriculum keeps its number and a new one takes
-- the next.
CREATE TABLE curriculum_subject (
	id SMALLINT PRIMARY KEY,
	code VARCHAR(40) NOT NULL,
	CONSTRAINT uq_curriculum_subject_code UNIQUE (code)
);
INSERT INTO curriculum_subject (id, code) VALUES
(1, 'LITERACY'), (2, 'LITERARY_READING'), (3, 'KAZAKH_LANGUAGE'), (4, 'KAZAKH_LITERATURE'),
(5, 'RUSSIAN_LANGUAGE'), (6, 'RUSSIAN_LITERATURE'), (7, 'FOREIGN_LANGUAGE'), (8, 'MATHEMATICS'),
(9, 'ALGEBRA'), (10, 'GEOMETRY'), (11, 'INFORMATICS'), (12, 'NATURAL_SCIENCE'), (13, 'KNOWING_THE_WORLD'),
(14, 'PHYSICS'), (15, 'CHEMISTRY'), (16, 'BIOLOGY'), (17, 'GEOGRAPHY'), (18, 'HISTORY_OF_KAZAKHSTAN'),
(19, 'WORLD_HISTORY'), (20, 'FUNDAMENTALS_OF_LAW'), (21, 'SELF_KNOWLEDGE'), (22, 'MUSIC'), (23, 'ART_AND_WORK'),
(24, 'PHYSICAL_EDUCATION'), (25, 'MILITARY_AND_TECHNOLOGICAL_TRAINING'), (26, 'GRAPHICS_AND_DESIGN'),
(27, 'NATIVE_LANGUAGE'), (28, 'NATIVE_LITERATURE');

-- The national conversion of a term percentage to the five-point mark, kept as data
-- because ministry orders change it: the band of a school year is the one with the
-- latest from_year not after it; a mark is given from min_percent (included) up to the
-- next band's.
CREATE TABLE term_mark_band (
	from_year SMALLINT NOT NULL,
	mark SMALLINT NOT NULL,
	min_percent REAL NOT NULL,
	PRIMARY KEY (from_year, mark)
);
INSERT INTO term_mark_band (from_year, mark, min_percent) VALUES
(2016, 2, 0), (2016, 3, 40), (2016, 4, 65), (2016, 5, 85);

-- One pupil's term result in one subject. A national year of four terms is about 112
-- million rows, so the row holds numbers only (52 bytes a row and 28 of key on
-- PostgreSQL, docs/data-exchange.md): the pupil is the IIN as a number, found with the
-- school and grade in the enrolment extract of the same school year; the subject is its
-- number; no user or time per row (the import run and its audit event keep them). The
-- key starts with the pupil, whose record reads its own rows, and is 8 bytes smaller so
-- than with the year first.
CREATE TABLE term_result (
	iin BIGINT NOT NULL,
	school_year SMALLINT NOT NULL,
	term SMALLINT NOT NULL,
	subject SMALLINT NOT NULL,
	mark SMALLINT,
	percentage REAL NOT NULL,
	CONSTRAINT pk_term_result PRIMARY KEY (iin, school_year, term, subject),
	CONSTRAINT ck_term_result_term CHECK (term BETWEEN 1 AND 4),
	CONSTRAINT ck_term_result_percentage CHECK (percentage BETWEEN 0 AND 100),
	CONSTRAINT ck_term_result_mark CHECK (mark BETWEEN 2 AND 5)
);

-- One pupil's attendance in one term, in school days.
CREATE TABLE term_attendance (
	iin BIGINT NOT NULL,
	school_year SMALLINT NOT NULL,
	term SMALLINT NOT NULL,
	school_days SMALLINT NOT NULL,
	absent_excused SMALLINT NOT NULL,
	absent_unexcused SMALLINT NOT NULL,
	CONSTRAINT pk_term_attendance PRIMARY KEY (iin, school_year, term),
	CONSTRAINT ck_term_attendance_term CHECK (term BETWEEN 1 AND 4),
	CONSTRAINT ck_term_attendance_days CHECK (absent_excused >= 0 AND absent_unexcused >= 0
		AND absent_excused + absent_unexcused <= school_days)
);

-- A pupil who left a school, why, and where to when known.
CREATE TABLE school_leaver (
	iin BIGINT NOT NULL,
	left_on DATE NOT NULL,
	organisation_id BIGINT NOT NULL REFERENCES organisation (id),
	reason VARCHAR(20) NOT NULL,
	destination VARCHAR(20),
	CONSTRAINT pk_school_leaver PRIMARY KEY (iin, left_on),
	CONSTRAINT ck_school_leaver_reason CHECK (reason IN ('COMPLETED_GRADE_9', 'COMPLETED_GRADE_11', 'TRANSFER',
		'DROPOUT', 'MOVED_ABROAD', 'DEATH')),
	CONSTRAINT ck_school_leaver_destination CHECK (destination IN ('GRADE_10_ELSEWHERE', 'COLLEGE', 'UNIVERSITY',
		'EMPLOYMENT', 'AT_HOME', 'UNKNOWN'))
);
CREATE INDEX ix_school_leaver_organisation ON school_leaver (organisation_id, left_on);

-- Outcome indicators: a gap in percentage points between learners with SEN and the peers
-- of the same school and grade (docs/indicators.md, "Outcomes").
ALTER TABLE indicator DROP CONSTRAINT ck_indicator_unit;
ALTER TABLE indicator ADD CONSTRAINT ck_indicator_unit
	CHECK (unit IN ('SHARE', 'PER_1000', 'PER_100', 'RATIO', 'COUNT', 'FTE', 'HOURS', 'POINTS'));

INSERT INTO indicator (code, name_kk, name_ru, name_en, description_kk, description_ru, description_en, unit, numerator, numerator_filter, denominator, denominator_filter, disaggregations, better, position, product_default, created_at, created_by) VALUES
('ATTAINMENT_GAP', 'ЕБҚ бар білім алушылардың үлгерімдегі алшақтығы', 'Разрыв в успеваемости обучающихся с ООП', 'Attainment gap of learners with SEN',
 'ЕБҚ бар білім алушылардың тоқсандық орташа пайызы мен сол мектеп пен сыныптың сол бағалауларды тапсырған құрдастарының орташа пайызының айырмасы (пайыздық тармақ), мектеп-сынып ұяшықтары бойынша ЕБҚ бар білім алушылар санымен өлшенген. Теріс мән ЕБҚ бар білім алушылардың артта қалғанын көрсетеді.', 'Разница между средним процентом за четверть обучающихся с ООП и средним процентом сверстников той же школы и класса, сдававших те же оценивания (в процентных пунктах), по ячейкам «школа–класс» с весом по числу обучающихся с ООП. Отрицательное значение: обучающиеся с ООП отстают.', 'The mean term percentage of learners with SEN minus that of the peers of the same school and grade who sat the same assessments, in percentage points, over school-and-grade cells weighted by their learners with SEN. A negative value means learners with SEN are behind.',
 'POINTS', 'ATTAINMENT_GAP_POINTS', NULL, 'ATTAINMENT_SEN_COMPARED', NULL, 'TERM,SUPPORT_DELIVERED,SETTLEMENT,SEX,AGE_GROUP,SEN_CATEGORY', 'HIGHER', 200, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('ATTAINMENT_BY_SUPPORT', 'Ұсынылған қолдау көрсетілуіне қарай үлгерімдегі алшақтық', 'Разрыв в успеваемости по оказанию рекомендованной поддержки', 'Attainment gap by support delivered',
 'ATTAINMENT_GAP сияқты, бірақ тек ПМПК қорытындысы сағат ұсынған білім алушылар үшін: тоқсанда ұсынылған сағаттардың кемінде 80%-ы өткізілгендер мен 80%-дан азы өткізілгендер бөлек көрсетіледі.', 'Как ATTAINMENT_GAP, но только для обучающихся, которым заключение ПМПК рекомендует часы: отдельно для тех, кому в четверти проведено не менее 80% рекомендованных часов, и для тех, кому меньше.', 'As ATTAINMENT_GAP, for the learners whose conclusion recommends hours of support only: shown for those who received at least 80% of their recommended hours in the term beside those who received less.',
 'POINTS', 'ATTAINMENT_GAP_POINTS', 'SUPPORT_DELIVERED=AT_LEAST_80|BELOW_80', 'ATTAINMENT_SEN_COMPARED', 'SUPPORT_DELIVERED=AT_LEAST_80|BELOW_80', 'SUPPORT_DELIVERED,TERM,SETTLEMENT,SEX,AGE_GROUP,SEN_CATEGORY', 'HIGHER', 210, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('ATTENDANCE_GAP', 'ЕБҚ бар білім алушылардың сабақ қалдыруындағы алшақтық', 'Разрыв в пропусках занятий обучающихся с ООП', 'Absence gap of learners with SEN',
 'ЕБҚ бар білім алушылардың тоқсанда босатқан оқу күндерінің үлесі (дәлелді және дәлелсіз себеппен) мен сол мектеп пен сыныптың құрдастарының үлесінің айырмасы, пайыздық тармақпен, ЕБҚ бар білім алушылар санымен өлшенген. Оң мән ЕБҚ бар білім алушылардың көбірек босататынын көрсетеді.', 'Разница между долей учебных дней четверти, пропущенных обучающимися с ООП (по уважительной и неуважительной причине), и той же долей у сверстников той же школы и класса, в процентных пунктах, с весом по числу обучающихся с ООП. Положительное значение: обучающиеся с ООП пропускают больше.', 'The share of the term''s school days that learners with SEN were absent (with a valid reason or without) minus the same share of the peers of the same school and grade, in percentage points, weighted by the learners with SEN. A positive value means learners with SEN miss more.',
 'POINTS', 'ATTENDANCE_GAP_POINTS', NULL, 'ATTENDANCE_SEN_COMPARED', NULL, 'TERM,SUPPORT_DELIVERED,SETTLEMENT,SEX,AGE_GROUP,SEN_CATEGORY', 'LOWER', 220, TRUE, CURRENT_TIMESTAMP, 'product-default');
