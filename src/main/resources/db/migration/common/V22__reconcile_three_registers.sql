-- Reconciliation of three registers: the health registry and the social-protection
-- register, each first grouped into clusters of records that name the same child, then
-- linked to the enrolment extract and to each other. A result is still kept per record,
-- now of either register; records that name one child share child_key, and one of them
-- (child_primary) stands for the child in every count and list, so a child held twice, or
-- in both registers, is counted once.
ALTER TABLE reconcile_result ADD COLUMN register VARCHAR(10) DEFAULT 'HEALTH' NOT NULL;
ALTER TABLE reconcile_result ADD COLUMN child_key VARCHAR(60);
ALTER TABLE reconcile_result ADD COLUMN child_primary BOOLEAN DEFAULT TRUE NOT NULL;
-- the register's cluster: the key of its first record, and how sure the grouping is
ALTER TABLE reconcile_result ADD COLUMN cluster_key VARCHAR(60);
ALTER TABLE reconcile_result ADD COLUMN cluster_size INT DEFAULT 1 NOT NULL;
ALTER TABLE reconcile_result ADD COLUMN cluster_probability DOUBLE PRECISION;
ALTER TABLE reconcile_result ADD COLUMN cluster_uncertain BOOLEAN DEFAULT FALSE NOT NULL;
-- the likeliest record of the same register that may name the child too, for review
ALTER TABLE reconcile_result ADD COLUMN possible_duplicate VARCHAR(40);
-- which registers hold the child (HEALTH, BENEFIT, SCHOOL) and what they disagree on
ALTER TABLE reconcile_result ADD COLUMN found_in VARCHAR(30);
ALTER TABLE reconcile_result ADD COLUMN disagreements VARCHAR(200);
ALTER TABLE reconcile_result DROP CONSTRAINT pk_reconcile_result;
ALTER TABLE reconcile_result ADD CONSTRAINT pk_reconcile_result PRIMARY KEY (run_id, register, record_id);
ALTER TABLE reconcile_result ADD CONSTRAINT ck_reconcile_result_register CHECK (register IN ('HEALTH', 'BENEFIT'));
CREATE INDEX ix_reconcile_result_child ON reconcile_result (run_id, child_key);

ALTER TABLE reconcile_run ADD COLUMN benefit_records INT DEFAULT 0 NOT NULL;
ALTER TABLE reconcile_run ADD COLUMN duplicate_pairs INT DEFAULT 0 NOT NULL;

-- a decision on a record of either register
ALTER TABLE reconcile_decision ADD COLUMN register VARCHAR(10) DEFAULT 'HEALTH' NOT NULL;
ALTER TABLE reconcile_decision DROP CONSTRAINT pk_reconcile_decision;
ALTER TABLE reconcile_decision ADD CONSTRAINT pk_reconcile_decision PRIMARY KEY (register, record_id, pupil_iin);

-- A reviewer's decision that two records of one register name the same child or not,
-- remembered for every later run (record_id before other_record_id).
CREATE TABLE reconcile_duplicate_decision (
	register VARCHAR(10) NOT NULL,
	record_id VARCHAR(40) NOT NULL,
	other_record_id VARCHAR(40) NOT NULL,
	confirmed BOOLEAN NOT NULL,
	path VARCHAR(450) NOT NULL,
	run_id BIGINT NOT NULL REFERENCES reconcile_run (id),
	decided_by VARCHAR(60) NOT NULL,
	decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT pk_reconcile_duplicate_decision PRIMARY KEY (register, record_id, other_record_id)
);

-- Pupils the enrolment extract holds twice under IINs one typing error apart (a transfer
-- that was not closed, or a child entered twice), for the schools and the education
-- department to correct.
CREATE TABLE reconcile_pupil_duplicate (
	run_id BIGINT NOT NULL REFERENCES reconcile_run (id),
	iin CHAR(12) NOT NULL,
	other_iin CHAR(12) NOT NULL,
	path VARCHAR(450) NOT NULL,
	other_path VARCHAR(450) NOT NULL,
	CONSTRAINT pk_reconcile_pupil_duplicate PRIMARY KEY (run_id, iin, other_iin)
);

-- The records of both non-education registers in one shape, for the lists and the review.
-- group_code: the health registry's disability group; for a benefit, its type.
CREATE VIEW reconcile_record AS
	SELECT 'HEALTH' AS register, record_id, iin, surname, given_name, patronymic, birth_date, sex, path,
		disability_group AS group_code
	FROM health_registry_record
	UNION ALL
	SELECT 'BENEFIT' AS register, record_id, iin, surname, given_name, patronymic, birth_date, sex, path,
		benefit_type AS group_code
	FROM social_benefit_record;

-- The indicators count children, not records: one result per child.
DROP VIEW reconcile_current_result;
CREATE VIEW reconcile_current_result AS
	SELECT run.school_year, r.run_id, region.path AS region_path, r.residence_path, r.outcome, r.age, r.sex,
		r.found_in, CASE WHEN run.health_records > 0 AND run.benefit_records > 0 THEN TRUE ELSE FALSE END
			AS both_registers
	FROM reconcile_result r
	JOIN reconcile_run run ON run.id = r.run_id
	JOIN org_unit region ON region.depth = 1 AND r.residence_path LIKE region.path || '%'
	WHERE run.status = 'FINISHED' AND r.child_primary
		AND run.id = (SELECT MAX(newest.id) FROM reconcile_run newest
			WHERE newest.status = 'FINISHED' AND newest.school_year = run.school_year
				AND region.path LIKE newest.scope_path || '%');

UPDATE indicator SET
	name_kk = 'Мектепте оқымайтын мектеп жасындағы мүгедектігі бар балалар',
	description_kk = 'Денсаулық сақтау тіркелімінде немесе мемлекеттік жәрдемақы алушылар тіркелімінде бар, 1 қыркүйекте 6–17 жастағы мүгедектігі бар балалар саны, оларды оқу жылының соңғы аяқталған салыстыруы ешбір мектептің контингент үзіндісінен таппаған; әр бала бір рет, тұрғылықты жері бойынша есептеледі. Күмәнді сәйкестіктер есепке алынбайды, олар OUT_OF_SCHOOL_UNCERTAIN көрсеткішінде. Салыстыру жүргізілмеген жерде дерек жоқ.',
	description_ru = 'Число детей с инвалидностью из регистра здравоохранения или регистра получателей государственного пособия в возрасте 6–17 лет на 1 сентября, которых последняя завершённая сверка учебного года не нашла в выгрузке контингента ни одной школы; каждый ребёнок учитывается один раз, по месту жительства. Неопределённые совпадения не учитываются, они в индикаторе OUT_OF_SCHOOL_UNCERTAIN. Где сверка не проводилась, данных нет.',
	description_en = 'Children with a disability in the health registry or in the register of the state benefit, aged 6 to 17 on 1 September, whom the newest finished reconciliation of the school year found in no school''s enrolment extract, each counted once, where they live. Uncertain links are not counted; they are in OUT_OF_SCHOOL_UNCERTAIN. Where no reconciliation has run there is no data.'
WHERE code = 'OUT_OF_SCHOOL';

INSERT INTO indicator (code, name_kk, name_ru, name_en, description_kk, description_ru, description_en, unit, numerator, numerator_filter, denominator, denominator_filter, disaggregations, better, position, product_default, created_at, created_by) VALUES
('REGISTER_AGREEMENT', 'Екі тіркелімде де бар мүгедектігі бар балалар үлесі', 'Доля детей с инвалидностью, найденных в обоих регистрах', 'Children with a disability found in both registers',
 'Денсаулық сақтау тіркелімінде немесе жәрдемақы тіркелімінде бар мүгедектігі бар балалардың ішінде салыстыру екі тіркелімнен де тапқан балалар үлесі, тұрғылықты жері бойынша. Екі тіркелім де жүктелген салыстырулар ғана есептеледі. Төмен мән министрліктердің деректері сәйкес келмейтінін көрсетеді.', 'Доля детей, которых сверка нашла и в регистре здравоохранения, и в регистре пособий, среди всех детей с инвалидностью хотя бы одного из этих регистров, по месту жительства. Учитываются только сверки, в которые загружены оба регистра. Низкое значение показывает, что данные двух министерств расходятся.', 'Children whom the reconciliation found in both the health registry and the benefit register, as a share of the children with a disability in either, where they live. Only runs with both registers loaded count. A low value shows that the two ministries'' figures disagree.',
 'SHARE', 'REGISTERS_AGREE', NULL, 'RECONCILED_CHILDREN', NULL, 'SEX,AGE_GROUP', 'HIGHER', 195, TRUE, CURRENT_TIMESTAMP, 'product-default');
