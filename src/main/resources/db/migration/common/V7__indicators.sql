-- Indicators are data: a numerator and an optional denominator chosen from the measures
-- the product computes (see docs/indicators.md), each with an optional filter such as
-- FORM=INCLUSIVE_CLASS, the disaggregations allowed and the direction that counts as better.
CREATE TABLE indicator (
	code VARCHAR(40) PRIMARY KEY,
	name_kk VARCHAR(300) NOT NULL,
	name_ru VARCHAR(300) NOT NULL,
	name_en VARCHAR(300) NOT NULL,
	description_kk VARCHAR(2000) NOT NULL,
	description_ru VARCHAR(2000) NOT NULL,
	description_en VARCHAR(2000) NOT NULL,
	unit VARCHAR(20) NOT NULL,
	numerator VARCHAR(40) NOT NULL,
	numerator_filter VARCHAR(400),
	denominator VARCHAR(40),
	denominator_filter VARCHAR(400),
	disaggregations VARCHAR(400) NOT NULL,
	better VARCHAR(10) NOT NULL,
	position INT NOT NULL,
	product_default BOOLEAN NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_by VARCHAR(60) NOT NULL,
	CONSTRAINT ck_indicator_unit CHECK (unit IN ('SHARE', 'PER_1000', 'PER_100', 'RATIO', 'COUNT', 'FTE', 'HOURS')),
	CONSTRAINT ck_indicator_better CHECK (better IN ('HIGHER', 'LOWER', 'NEUTRAL'))
);

-- Pupils of each school in the enrolment extract, counted again by every import of the
-- extract, so that indicators read one row per school instead of one per pupil.
CREATE TABLE enrolment_count (
	school_year INT NOT NULL,
	organisation_id BIGINT NOT NULL,
	pupils INT NOT NULL,
	PRIMARY KEY (school_year, organisation_id)
);

-- A target for a school year, for the country (unit KZ) or for one administrative unit.
CREATE TABLE indicator_target (
	indicator_code VARCHAR(40) NOT NULL REFERENCES indicator (code),
	school_year INT NOT NULL,
	unit_code VARCHAR(40) NOT NULL REFERENCES org_unit (code),
	target DECIMAL(12, 3) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_by VARCHAR(60) NOT NULL,
	PRIMARY KEY (indicator_code, school_year, unit_code)
);

INSERT INTO indicator (code, name_kk, name_ru, name_en, description_kk, description_ru, description_en, unit, numerator, numerator_filter, denominator, denominator_filter, disaggregations, better, position, product_default, created_at, created_by) VALUES
('COND_REPORTED', 'Инклюзияға жағдай жасалды деп хабарлаған мектептер үлесі', 'Доля школ, сообщивших о созданных условиях для инклюзии', 'Schools reporting conditions for inclusion created',
 'Ұлттық көрсеткіш 4.5.1.2: жыл сауалнамасында «жағдай жасалды» деп жауап берген ашық мектептердің барлық ашық мектептерге үлесі.', 'Национальный индикатор 4.5.1.2: доля открытых школ, ответивших в анкете года «условия созданы», среди всех открытых школ.', 'National indicator 4.5.1.2: open schools whose survey for the year answers "conditions created", as a share of all open schools.',
 'SHARE', 'SCHOOLS_REPORTED', NULL, 'SCHOOLS', NULL, 'SETTLEMENT', 'HIGHER', 10, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('COND_MEASURED', 'Өлшенген өлшемшарттарға сай мектептер үлесі', 'Доля школ, отвечающих измеренным критериям', 'Schools meeting the measured criteria',
 'Анкета деректері, қызметкерлер мен оқушылар бойынша өнімнің әдепкі өлшемшарттарына сай ашық мектептер үлесі.', 'Доля открытых школ, отвечающих критериям продукта по умолчанию по данным анкеты, кадров и обучающихся.', 'Open schools meeting the product''s default criteria, computed from the survey items, staff and learners, as a share of all open schools.',
 'SHARE', 'SCHOOLS_MEASURED', NULL, 'SCHOOLS', NULL, 'SETTLEMENT', 'HIGHER', 20, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('COND_GAP', 'Хабарланған мен өлшенгеннің алшақтығы', 'Разрыв между заявленным и измеренным', 'Gap between reported and measured conditions',
 '«Жағдай жасалды» деп хабарлаған мектептердің ішінде өлшемшарттарға сай емес мектептер үлесі.', 'Доля школ, сообщивших «условия созданы», которые не отвечают измеренным критериям.', 'Of the schools reporting conditions created, the share that do not meet the measured criteria.',
 'SHARE', 'SCHOOLS_REPORTED_NOT_MEASURED', NULL, 'SCHOOLS_REPORTED', NULL, 'SETTLEMENT', 'LOWER', 30, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SDG_4A1D', 'Бейімделген инфрақұрылымы мен материалдары бар мектептер үлесі (ТДМ 4.a.1 d)', 'Доля школ с адаптированной инфраструктурой и материалами (ЦУР 4.a.1 d)', 'Schools with adapted infrastructure and materials (SDG 4.a.1 d)',
 'ТДМ 4.a.1(d) өлшемшарттар жиынына сай ашық мектептер үлесі.', 'Доля открытых школ, отвечающих набору критериев ЦУР 4.a.1(d).', 'Open schools meeting the SDG 4.a.1(d) criteria set, as a share of all open schools.',
 'SHARE', 'SCHOOLS_SDG_4A1D', NULL, 'SCHOOLS', NULL, 'SETTLEMENT', 'HIGHER', 40, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('ACCESSIBLE', 'Физикалық қолжетімді мектептер үлесі', 'Доля физически доступных школ', 'Physically accessible schools',
 'Пандусыз кіреберіс, кең есіктер, бейімделген дәретхана бар, лифт немесе көтергіш бар не қажет емес ашық мектептер үлесі.', 'Доля открытых школ с входом без ступеней, широкими дверями, доступным туалетом и лифтом или подъёмником (либо без необходимости в нём).', 'Open schools with a step-free entrance, wide doors, an accessible toilet, and a lift or platform present or not needed, as a share of all open schools.',
 'SHARE', 'SCHOOLS_ACCESSIBLE', NULL, 'SCHOOLS', NULL, 'SETTLEMENT', 'HIGHER', 50, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SEN_PER_1000', '1000 оқушыға шаққандағы ерекше білім беру қажеттіліктері бар білім алушылар', 'Обучающиеся с ООП на 1000 учащихся', 'Learners with SEN per 1,000 pupils',
 'Санақ күні мектепте оқитын, ПМПК қорытындысы бар білім алушылар саны, мектеп оқушыларының 1000-ына шаққанда.', 'Число обучающихся с заключением ПМПК, зачисленных в школу на день учёта, на 1000 учащихся школ.', 'Learners with a PMPC conclusion enrolled in a school on the census day, per 1,000 pupils of the schools.',
 'PER_1000', 'SEN_PUPILS', NULL, 'PUPILS', NULL, 'SETTLEMENT', 'NEUTRAL', 60, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SEN_BY_FORM', 'Білім беру нысаны бойынша ЕБҚ бар білім алушылар', 'Обучающиеся с ООП по форме обучения', 'Learners with SEN by form of education',
 'Санақ күні ПМПК қорытындысы бар балалар саны, оқу нысаны бойынша (оқуға қабылданбағандарды қоса).', 'Число детей с заключением ПМПК на день учёта по форме обучения (включая не зачисленных).', 'Children with a PMPC conclusion on the census day, by the form of education of their enrolment (including not enrolled).',
 'COUNT', 'SEN_LEARNERS', NULL, NULL, NULL, 'FORM,SETTLEMENT,SEX,AGE_GROUP,SUPPORT_LEVEL,SEN_CATEGORY', 'NEUTRAL', 70, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SEN_INCLUSIVE', 'Инклюзивті сыныптардағы ЕБҚ бар білім алушылар үлесі', 'Доля обучающихся с ООП в инклюзивных классах', 'Learners with SEN in inclusive classes',
 'ПМПК қорытындысы бар балалардың ішінде жалпы білім беретін мектептің инклюзивті сыныбында оқитындар үлесі.', 'Доля детей с заключением ПМПК, обучающихся в инклюзивном классе общеобразовательной школы.', 'Of the children with a PMPC conclusion, the share enrolled in an inclusive class of a general school.',
 'SHARE', 'SEN_LEARNERS', 'FORM=INCLUSIVE_CLASS', 'SEN_LEARNERS', NULL, 'SETTLEMENT,SEX,AGE_GROUP,SUPPORT_LEVEL,SEN_CATEGORY', 'HIGHER', 80, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SUPPORT_COVERAGE', 'Ұсынылған қызметтер көрсетілген білім алушылар үлесі', 'Доля обучающихся, получивших рекомендованные услуги', 'Learners receiving their recommended services',
 'ПМПК қызметтер ұсынған білім алушылардың ішінде есепті айда әр ұсынылған маман түрі бойынша кемінде бір сабақ өткізілгендер үлесі.', 'Доля обучающихся с рекомендованными ПМПК услугами, у которых в отчётном месяце по каждому рекомендованному специалисту проведено хотя бы одно занятие.', 'Of the enrolled learners whose conclusion recommends services, the share with at least one session held in the reference month for every recommended specialist.',
 'SHARE', 'LEARNERS_SERVED', NULL, 'LEARNERS_WITH_SERVICES', NULL, 'SETTLEMENT,SEX,AGE_GROUP,FORM,SUPPORT_LEVEL,SEN_CATEGORY', 'HIGHER', 90, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SUPPORT_HOURS', 'Көрсетілген және ұсынылған сағаттар арақатынасы', 'Соотношение оказанных и рекомендованных часов', 'Delivered to recommended hours',
 'Есепті айда өткізілген сабақтар сағаттары ұсынылған сағаттарға бөлінген.', 'Часы проведённых занятий в отчётном месяце, делённые на рекомендованные часы.', 'Hours of sessions held in the reference month divided by the hours the conclusions recommend for it.',
 'RATIO', 'DELIVERED_HOURS', NULL, 'RECOMMENDED_HOURS', NULL, 'SETTLEMENT,SEX,AGE_GROUP,FORM,SUPPORT_LEVEL,SEN_CATEGORY,SPECIALIST', 'HIGHER', 100, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SPECIALISTS', 'ЕБҚ бар 100 білім алушыға шаққандағы мамандар (ставка)', 'Специалисты (ставки) на 100 обучающихся с ООП', 'Specialists (FTE) per 100 learners with SEN',
 'Санақ күні лауазымдағы қолдау мамандарының ставкалары, мектептегі ЕБҚ бар 100 білім алушыға шаққанда.', 'Ставки специалистов сопровождения на день учёта на 100 обучающихся с ООП в школах.', 'Support specialists in post on the census day, in FTE, per 100 learners with SEN enrolled in schools.',
 'PER_100', 'SPECIALIST_FTE', NULL, 'SEN_PUPILS', NULL, 'SETTLEMENT,SPECIALIST', 'HIGHER', 110, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('SPECIALIST_GAP', 'Нормативтер бойынша жетіспейтін мамандар (ставка)', 'Нехватка специалистов по нормативам (ставки)', 'Specialist FTE missing against norms',
 'Әр мектепте ұсынылған сағаттарға қажет ставка минус лауазымдағы ставка (теріс болса нөл), мектептер бойынша қосынды.', 'Ставки, необходимые по рекомендованным часам, минус занятые, по каждой школе (не меньше нуля), в сумме по школам.', 'For each school, the FTE the recommended hours need minus the FTE in post (never below zero), summed over schools.',
 'FTE', 'SPECIALIST_FTE_GAP', NULL, NULL, NULL, 'SETTLEMENT,SPECIALIST', 'LOWER', 120, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('TRAINED_TEACHERS', 'Соңғы 3 жылда инклюзивті білім беру бойынша оқытылған мұғалімдер үлесі', 'Доля учителей, обученных инклюзивному образованию за последние 3 года', 'Teachers trained in inclusive education in the last 3 years',
 'Санақ күні лауазымдағы мұғалімдердің ішінде соңғы үш жылда инклюзивті курс аяқтағандар үлесі.', 'Доля учителей в должности на день учёта, завершивших курс по инклюзии за три года до него.', 'Of the teachers in post on the census day, the share who completed a course in inclusive education in the three years before it.',
 'SHARE', 'TEACHERS_TRAINED', NULL, 'TEACHERS', NULL, 'SETTLEMENT', 'HIGHER', 130, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('PROCESS_REVIEWS', 'ПМПК қайта қарау мерзімі өткен балалар үлесі', 'Доля детей с просроченным пересмотром ПМПК', 'Children overdue for PMPC review',
 'ПМПК қорытындысы бар балалардың ішінде соңғы қорытындының қайта қарау күні санақ күніне дейін өтіп кеткендер үлесі.', 'Доля детей с заключением ПМПК, у которых дата пересмотра последнего заключения прошла до дня учёта.', 'Of the children with a PMPC conclusion, the share whose latest conclusion''s review date passed before the census day.',
 'SHARE', 'REVIEWS_OVERDUE', NULL, 'SEN_LEARNERS', NULL, 'SETTLEMENT,SEX,AGE_GROUP,FORM,SUPPORT_LEVEL,SEN_CATEGORY', 'LOWER', 140, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('PROCESS_CONSENT', 'Дербес деректерді өңдеуге келісімі жоқ балалар үлесі', 'Доля детей без согласия на обработку персональных данных', 'Children without consent to data processing',
 'ПМПК қорытындысы бар балалардың ішінде санақ күні деректерді өңдеуге келісімі күшінде жоқтар үлесі.', 'Доля детей с заключением ПМПК, у которых на день учёта нет действующего согласия на обработку данных.', 'Of the children with a PMPC conclusion, the share without a consent to data processing in force on the census day.',
 'SHARE', 'CONSENT_MISSING', NULL, 'SEN_LEARNERS', NULL, 'SETTLEMENT,SEX,AGE_GROUP,FORM,SUPPORT_LEVEL,SEN_CATEGORY', 'LOWER', 150, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('PROCESS_PLAN_REVIEWS', 'Тоқсандық қарауы кешіккен жеке жоспарлар үлесі', 'Доля индивидуальных планов с просроченным четвертным пересмотром', 'Individual plans overdue for a term review',
 'Оқу жылының жеке жоспарларының ішінде мерзімі келген тоқсан қарауы жоқтар үлесі.', 'Доля индивидуальных планов года без пересмотра за четверть, срок которого наступил.', 'Of the school year''s individual plans, the share missing a term review that is due.',
 'SHARE', 'PLANS_REVIEW_OVERDUE', NULL, 'PLANS', NULL, 'SETTLEMENT,SEX,AGE_GROUP,FORM,SUPPORT_LEVEL,SEN_CATEGORY', 'LOWER', 160, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('PROGRESS', 'Мақсатына жеткен немесе асырған жоспар мақсаттарының үлесі', 'Доля целей плана, достигнутых или превышенных', 'Plan goals met or exceeded',
 'Оқу жылы жоспарларының бағаланған мақсаттарының ішінде соңғы тоқсандық бағасы 0 немесе одан жоғары (күтілгендей не одан жақсы) мақсаттар үлесі.', 'Доля оценённых целей планов года, последняя оценка которых 0 или выше (как ожидалось или лучше).', 'Of the goals of the school year''s plans rated at a term review, the share whose latest rating is 0 or above (as expected or better).',
 'SHARE', 'GOALS_MET', NULL, 'GOALS_RATED', NULL, 'SETTLEMENT,SEX,AGE_GROUP,FORM,SUPPORT_LEVEL,SEN_CATEGORY', 'HIGHER', 170, TRUE, CURRENT_TIMESTAMP, 'product-default');

-- The 2016-2019 State Programme's target (inclusive education in 70% of regular schools),
-- kept for the school years shown until a new programme sets another.
INSERT INTO indicator_target (indicator_code, school_year, unit_code, target, updated_at, updated_by)
SELECT 'COND_REPORTED', y.school_year, 'KZ', 70, CURRENT_TIMESTAMP, 'product-default'
FROM (SELECT 2023 AS school_year UNION ALL SELECT 2024 UNION ALL SELECT 2025 UNION ALL SELECT 2026 UNION ALL SELECT 2027) y
WHERE EXISTS (SELECT 1 FROM org_unit WHERE code = 'KZ');
INSERT INTO indicator_target (indicator_code, school_year, unit_code, target, updated_at, updated_by)
SELECT 'COND_MEASURED', y.school_year, 'KZ', 70, CURRENT_TIMESTAMP, 'product-default'
FROM (SELECT 2023 AS school_year UNION ALL SELECT 2024 UNION ALL SELECT 2025 UNION ALL SELECT 2026 UNION ALL SELECT 2027) y
WHERE EXISTS (SELECT 1 FROM org_unit WHERE code = 'KZ');
