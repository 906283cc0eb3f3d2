-- SCHOOLS_REACHED counts a school reached by a consultation it asked for or by a seminar or
-- course of a centre that one of its staff took part in (docs/indicators.md), as issue 17
-- defines it; until now it counted consultations only. Changed where the product's
-- definition is still in use, not where an administrator has written their own.
UPDATE indicator SET numerator = 'SCHOOLS_REACHED',
	description_kk = 'Оқу жылында сұрауы бойынша кемінде бір кеңес өткізіліп, жазылған (жабылған немесе расталған) немесе кемінде бір қызметкері орталықтың семинарына не курсына қатысқан ашық жалпы білім беретін және арнайы мектептердің барлық ашық мектептерге үлесі.',
	description_ru = 'Доля открытых общеобразовательных и специальных школ, у которых в учебном году по их запросу проведена и записана (закрыта или подтверждена) хотя бы одна консультация или хотя бы один сотрудник участвовал в семинаре или курсе центра, от всех открытых школ.',
	description_en = 'Open general and special schools with at least one consultation held and recorded (closed or confirmed) at their request, or at least one member of staff who took part in a centre''s seminar or course, in the school year, as a share of all open schools.'
WHERE code = 'SCHOOLS_REACHED' AND product_default = TRUE AND numerator = 'SCHOOLS_CONSULTED';
