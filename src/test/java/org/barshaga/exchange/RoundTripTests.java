package org.barshaga.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every register goes in from a file, comes out by export exactly as it went in, and goes
 * in again without changing anything: the layouts are one contract for both directions.
 * The files go through the command-line jobs' way, which carries every health field; the
 * pages' rule on them is tried in {@code HealthColumnAttackTests}.
 */
@BarshagaTest
class RoundTripTests {

	static final String ORG = "KZ-61-D08-RT1";

	static final String PATH = "/KZ/KZ-61/KZ-61-D08/" + ORG + "/";

	static final Actor ADMIN = new Actor(1, "admin", "Admin", Role.ADMIN, DataScope.NATION);

	@Autowired
	Importer importer;

	@Autowired
	Exporter exporter;

	@Autowired
	ImportRuns runs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	static String iin(int n, Sex sex, int year) {
		return Iin.of(LocalDate.of(year, 3, 1).plusDays(n), sex, 4000 + n);
	}

	@Test
	void everyRegisterExportsAsItWasImportedAndReimportsWithoutChange() throws IOException {
		String pmpc = jdbc.sql("SELECT MIN(code) FROM organisation WHERE type = 'PMPC' AND path LIKE '/KZ/KZ-61/%'")
			.query(String.class)
			.single();
		String child1 = iin(1, Sex.FEMALE, 2015);
		String child2 = iin(2, Sex.MALE, 2016);
		String teacher = iin(3, Sex.FEMALE, 1985);
		String items = String.join(",", java.util.Collections.nCopies(23, ""));
		Map<Register, String> files = new LinkedHashMap<>();
		files.put(Register.ORGANISATIONS, String.join("\r\n",
				"code,type,name_kk,name_ru,name_en,unit_code,settlement,ownership,languages,status,closed_on,pupils",
				ORG + ",GENERAL_SCHOOL,\"№ 1 мектеп, сынақ\",Школа № 1,School No. 1,KZ-61-D08,RURAL,STATE,KK|RU,OPEN,,320"));
		files.put(Register.ENROLMENT,
				String.join("\r\n",
						"school_year,iin,surname,given_name,patronymic,birth_date,sex,school_code,grade,language",
						"2029," + child1 + ",Әбенова,Аяулым,Серікқызы," + Iin.birthDate(child1) + ",FEMALE," + ORG
								+ ",4,KK",
						"2029," + child2 + ",Иванов,Пётр,," + Iin.birthDate(child2) + ",MALE," + ORG + ",3,RU"));
		files.put(Register.LEARNERS, String.join("\r\n",
				"iin,surname,given_name,patronymic,birth_date,sex,citizenship,language,disability,home_unit_code,school_code",
				child1 + ",Әбенова,Аяулым,Серікқызы," + Iin.birthDate(child1)
						+ ",FEMALE,KZ,KK,CHILD_WITH_DISABILITY,KZ-61-D08," + ORG,
				child2 + ",Иванов,Пётр,," + Iin.birthDate(child2) + ",MALE,KZ,RU,NONE,KZ-61-D08," + ORG));
		files.put(Register.CONCLUSIONS, String.join("\r\n",
				"iin,conclusion_number,concluded_on,pmpc_code,sen_categories,programme,form,conditions,next_review_on,services",
				child1 + ",RT-1,2025-05-20," + pmpc
						+ ",MOTOR|SPEECH,GENERAL_ADAPTED,INCLUSIVE_CLASS,ACCESSIBLE_ENVIRONMENT|ASSISTIVE_TECHNOLOGY,2026-05-20,"
						+ "EDUCATIONAL_PSYCHOLOGIST:1|SPEECH_THERAPIST:2.5"));
		files.put(Register.LEARNER_ENROLMENTS,
				String.join("\r\n", "iin,school_code,grade,class_name,form,started_on,ended_on,end_reason",
						child1 + "," + ORG + ",4,4А,INCLUSIVE_CLASS,2025-09-01,,",
						child2 + "," + ORG + ",2,2Б,INCLUSIVE_CLASS,2024-09-01,2025-05-25,TRANSFER"));
		files.put(Register.FUNCTIONING, String.join("\r\n", "iin,assessed_on,age_group,answers",
				child1 + ",2025-06-01,AGES_5_17," + answers(org.barshaga.learner.CfmAgeGroup.AGES_5_17)));
		files.put(Register.PLANS, String.join("\r\n", "iin,school_year,started_on,adaptations,services", child1
				+ ",2025,2025-09-15,\"Визуальное расписание, дополнительное время\",SPEECH_THERAPIST:2|TUTOR:1.5"));
		files.put(Register.PLAN_GOALS,
				String.join("\r\n", "iin,school_year,goal_domain,description,baseline,target_state,measure", child1
						+ ",2025,COMMUNICATION,Просит помощи словами,жестами,словами в 4 из 5 случаев,наблюдение",
						child1 + ",2025,MOTOR,Держит карандаш,с помощью,сама,наблюдение"));
		files.put(Register.SESSIONS,
				String.join("\r\n", "iin,held_on,specialist,minutes,grouped,attended,missed_reason",
						child1 + ",2025-10-06,SPEECH_THERAPIST,40,false,true,",
						child1 + ",2025-10-13,SPEECH_THERAPIST,40,false,false,ILLNESS"));
		files.put(Register.STAFF,
				String.join("\r\n", "school_code,iin,full_name,position,fte,qualification,started_on,ended_on",
						ORG + "," + teacher + ",Жанна Өмірзақова,SPEECH_THERAPIST,0.75,Логопед,2019-09-01,",
						ORG + "," + teacher + ",Жанна Өмірзақова,TEACHER,0.5,,2015-09-01,2020-06-30"));
		files.put(Register.TRAINING,
				String.join("\r\n", "school_code,staff_iin,course,provider,hours,completed_on,inclusive",
						ORG + "," + teacher + ",Инклюзивті білім беру,Өрлеу,72,2024-03-15,true"));
		files.put(Register.CONDITIONS,
				String.join("\r\n",
						"school_code,school_year,reported_created,reported_on," + String.join(",",
								java.util.Arrays.stream(org.barshaga.conditions.ConditionItem.values())
									.map(i -> i.name().toLowerCase(java.util.Locale.ROOT))
									.toList()),
						ORG + ",2025,true,2025-10-01,PRESENT,PARTIAL,ABSENT,NOT_APPLICABLE" + items.substring(3)));
		importAll(files);

		Map<Register, String> reimported = new LinkedHashMap<>();
		Actor school = new Actor(1, "admin", "Admin", Role.ADMIN, new DataScope(PATH));
		for (Map.Entry<Register, String> entry : files.entrySet()) {
			String exported = export(school, entry.getKey());
			assertThat(exported).as(entry.getKey().name()).isEqualTo(entry.getValue() + "\r\n");
			reimported.put(entry.getKey(), exported);
		}
		String learnersBefore = jdbc.sql("SELECT updated_at FROM learner WHERE iin = ?")
			.param(child1)
			.query(String.class)
			.single();
		importAll(reimported);
		for (Register register : files.keySet()) {
			assertThat(export(school, register)).as(register.name()).isEqualTo(reimported.get(register));
		}
		assertThat(jdbc.sql("SELECT updated_at FROM learner WHERE iin = ?").param(child1).query(String.class).single())
			.as("an unchanged row is not rewritten")
			.isEqualTo(learnersBefore);
	}

	@Test
	void answersTheModuleDoesNotKnowAndGoalsWithoutAPlanAreRejected() throws IOException {
		String child = jdbc
			.sql("SELECT MIN(iin) FROM learner WHERE path LIKE '/KZ/KZ-61/KZ-61-D08/%' AND iin IS NOT NULL"
					+ " AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.learner_id = learner.id AND p.school_year = 2001)")
			.query(String.class)
			.single();
		Path functioning = dir.resolve("functioning.csv");
		Files.writeString(functioning, "iin,assessed_on,age_group,answers\n" + child
				+ ",2025-06-01,AGES_5_17,SHOE_SIZE=38\n" + child + ",2025-06-02,AGES_5_17,just text\n");
		ImportRun run = importer.run(new ImportRequest(ADMIN, Register.FUNCTIONING, functioning, "functioning.csv",
				ImportMode.VALID_ROWS, false, Channel.COMMAND_LINE), null);
		assertThat(runs.rejections(run.id(), 10)).extracting(Rejection::line, Rejection::reasonKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "validation.functioning.question"),
					org.assertj.core.groups.Tuple.tuple(3L, "exchange.reason.answers"));
		Path goals = dir.resolve("plan_goals.csv");
		Files.writeString(goals, "iin,school_year,goal_domain,description,baseline,target_state,measure\n" + child
				+ ",2001,MOTOR,Goal,a,b,c\n");
		run = importer.run(new ImportRequest(ADMIN, Register.PLAN_GOALS, goals, "plan_goals.csv", ImportMode.VALID_ROWS,
				false, Channel.COMMAND_LINE), null);
		assertThat(runs.rejections(run.id(), 10)).extracting(Rejection::reasonKey)
			.containsExactly("exchange.reason.unknownPlan");
	}

	@Test
	void theHealthRegistryExtractTravelsAsReceived() throws IOException {
		String district = jdbc.sql(
				"SELECT MIN(code) FROM org_unit WHERE parent_code = 'KZ-62' AND kind = 'district' AND valid_to IS NULL")
			.query(String.class)
			.single();
		String file = String.join("\r\n",
				"record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,district_code,disability_group,"
						+ "valid_until",
				"RT-H1,,Abenova,Ayaulym,,2015-03-02,FEMALE,KZ-62,,CHILD_WITH_DISABILITY,2027-01-01",
				"RT-H2,150302612345,Әбенова,Аяулым,Серікқызы,2015-03-02,FEMALE,KZ-62," + district
						+ ",CHILD_WITH_DISABILITY,");
		importAll(Map.of(Register.HEALTH_REGISTRY, file));
		Actor ulytau = new Actor(1, "admin", "Admin", Role.ADMIN, new DataScope("/KZ/KZ-62/"));
		assertThat(export(ulytau, Register.HEALTH_REGISTRY)).isEqualTo(file + "\r\n");
		assertThat(jdbc
			.sql("SELECT path FROM health_registry_record WHERE record_id IN ('RT-H1', 'RT-H2')"
					+ " ORDER BY record_id")
			.query(String.class)
			.list()).as("a record with a district lies in the district's part of the country")
			.containsExactly("/KZ/KZ-62/", "/KZ/KZ-62/" + district + "/");
	}

	/** Every question answered with its first answer code, in key order as exported. */
	private static String answers(org.barshaga.learner.CfmAgeGroup group) {
		return new java.util.TreeSet<>(org.barshaga.learner.ChildFunctioning.questions(group)).stream()
			.map(q -> q + "=" + org.barshaga.learner.ChildFunctioning.answers(group, q).get(0))
			.collect(java.util.stream.Collectors.joining("|"));
	}

	private void importAll(Map<Register, String> files) throws IOException {
		for (Map.Entry<Register, String> entry : files.entrySet()) {
			Path path = dir.resolve(entry.getKey().fileName() + ".csv");
			Files.writeString(path, entry.getValue(), StandardCharsets.UTF_8);
			ImportRun run = importer.run(new ImportRequest(ADMIN, entry.getKey(), path, path.getFileName().toString(),
					ImportMode.ALL_OR_NOTHING, false, Channel.COMMAND_LINE), null);
			assertThat(run.status()).as(entry.getKey() + " " + run.problemKey() + " " + run.problemArguments())
				.isEqualTo(ImportRun.Status.COMPLETED);
		}
	}

	private String export(Actor actor, Register register) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exporter.csv(actor, register, out, Channel.COMMAND_LINE);
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return text.substring(1);
	}

}
