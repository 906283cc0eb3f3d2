-- What the indicators read of reconciliation: the results of the current linkage run of
-- each region, without names or record ids. For each school year and region, the current
-- run is the newest (last started) finished run whose scope holds the whole region: a run
-- of the country or of that region. Each result is kept for the region it lives in, so
-- every child of a region comes from one run and a figure of a district, of a region or of
-- the country is the sum of those below it. Runs of a part of a region are not used.
-- residence_path is where the child lives: a district, or the region when the health
-- registry gives no district. age is the age in whole years on 1 September.
CREATE VIEW reconcile_current_result AS
	SELECT run.school_year, r.run_id, region.path AS region_path, r.residence_path, r.outcome, r.age, r.sex
	FROM reconcile_result r
	JOIN reconcile_run run ON run.id = r.run_id
	JOIN org_unit region ON region.depth = 1 AND r.residence_path LIKE region.path || '%'
	WHERE run.status = 'FINISHED'
		AND run.id = (SELECT MAX(newest.id) FROM reconcile_run newest
			WHERE newest.status = 'FINISHED' AND newest.school_year = run.school_year
				AND region.path LIKE newest.scope_path || '%');

INSERT INTO indicator (code, name_kk, name_ru, name_en, description_kk, description_ru, description_en, unit, numerator, numerator_filter, denominator, denominator_filter, disaggregations, better, position, product_default, created_at, created_by) VALUES
('OUT_OF_SCHOOL', 'Мектепте оқымайтын мектеп жасындағы мүгедектігі бар балалар', 'Дети с инвалидностью школьного возраста, не обучающиеся в школе', 'Children with disabilities of school age out of school',
 'Денсаулық сақтау тіркелімінен үзіндідегі 1 қыркүйекте 6–17 жастағы мүгедектігі бар балалар саны, оларды оқу жылының соңғы аяқталған салыстыруы ешбір мектептің контингент үзіндісінен таппаған; тұрғылықты жері бойынша есептеледі. Күмәнді сәйкестіктер есепке алынбайды, олар OUT_OF_SCHOOL_UNCERTAIN көрсеткішінде. Салыстыру жүргізілмеген жерде дерек жоқ.', 'Число детей с инвалидностью из выгрузки регистра здравоохранения в возрасте 6–17 лет на 1 сентября, которых последняя завершённая сверка учебного года не нашла в выгрузке контингента ни одной школы; учитываются по месту жительства. Неопределённые совпадения не учитываются, они в индикаторе OUT_OF_SCHOOL_UNCERTAIN. Где сверка не проводилась, данных нет.', 'Children with a disability in the health registry''s extract, aged 6 to 17 on 1 September, whom the newest finished reconciliation of the school year found in no school''s enrolment extract, counted where they live. Uncertain links are not counted; they are in OUT_OF_SCHOOL_UNCERTAIN. Where no reconciliation has run there is no data.',
 'COUNT', 'OUT_OF_SCHOOL', NULL, NULL, NULL, 'SEX,AGE_GROUP', 'LOWER', 180, TRUE, CURRENT_TIMESTAMP, 'product-default'),
('OUT_OF_SCHOOL_UNCERTAIN', 'Мектепте оқуы расталмаған мектеп жасындағы мүгедектігі бар балалар', 'Дети с инвалидностью школьного возраста с неподтверждённым обучением', 'Children with disabilities of school age whose schooling is unconfirmed',
 'Денсаулық сақтау тіркелімінен үзіндідегі 1 қыркүйекте 6–17 жастағы мүгедектігі бар балалар саны, оларға салыстыру контингенттен ықтимал сәйкестік тапқан, бірақ аудан немесе облыс маманы оны әлі растамаған не қабылдамаған; тұрғылықты жері бойынша есептеледі. Сәйкестік қабылданбаса, келесі салыстыруда бала мектепте оқымайтындар қатарына енуі мүмкін.', 'Число детей с инвалидностью из выгрузки регистра здравоохранения в возрасте 6–17 лет на 1 сентября, для которых сверка нашла возможное совпадение в контингенте, ещё не подтверждённое и не отклонённое специалистом района или области; учитываются по месту жительства. После отклонения совпадения ребёнок может быть учтён как не обучающийся при следующей сверке.', 'Children with a disability in the health registry''s extract, aged 6 to 17 on 1 September, for whom the reconciliation found a possible match in the enrolment extract that a district or region officer has yet to confirm or reject, counted where they live. A rejected match may count the child as out of school from the next run.',
 'COUNT', 'OUT_OF_SCHOOL_UNCERTAIN', NULL, NULL, NULL, 'SEX,AGE_GROUP', 'LOWER', 190, TRUE, CURRENT_TIMESTAMP, 'product-default');
