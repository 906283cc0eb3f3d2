package org.barshaga.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.barshaga.kernel.CsvLine;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.learner.CfmAgeGroup;
import org.barshaga.learner.ChildFunctioning;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's files at demo scale: deterministic, valid and shaped as published. */
class GeneratorTests {

	private static final int SCHOOL_YEAR = 2025;

	/** The header of every file, as docs/data-exchange.md lays the columns out. */
	private static final Map<String, String> HEADERS = new LinkedHashMap<>();

	static {
		HEADERS.put("organisations.csv",
				"code,type,name_kk,name_ru,name_en,unit_code,settlement,ownership,languages,status,closed_on,pupils");
		HEADERS.put("enrolment.csv",
				"school_year,iin,surname,given_name,patronymic,birth_date,sex,school_code,grade,language");
		HEADERS.put("learners.csv",
				"iin,surname,given_name,patronymic,birth_date,sex,citizenship,language,disability,home_unit_code,school_code");
		HEADERS.put("conclusions.csv",
				"iin,conclusion_number,concluded_on,pmpc_code,sen_categories,programme,form,conditions,next_review_on,services");
		HEADERS.put("learner_enrolments.csv", "iin,school_code,grade,class_name,form,started_on,ended_on,end_reason");
		HEADERS.put("sessions.csv", "iin,held_on,specialist,minutes,grouped,attended,missed_reason");
		HEADERS.put("staff.csv", "school_code,iin,full_name,position,fte,qualification,started_on,ended_on");
		HEADERS.put("training.csv", "school_code,staff_iin,course,provider,hours,completed_on,inclusive");
		HEADERS.put("conditions.csv", "school_code,school_year,reported_created,reported_on,step_free_entrance,"
				+ "door_widths,lift_or_platform,accessible_toilet,stair_handrails,tactile_guidance,braille_signage,"
				+ "induction_loop,accessible_canteen,special_desks,braille_textbooks,enlarged_print,audio_materials,"
				+ "tactile_materials,aac,adapted_computers,sign_language_support,inclusion_support_room,resource_room,"
				+ "sensory_room,psychologist_office,speech_therapy_room,accessible_transport");
		HEADERS.put("health_registry.csv", "record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,"
				+ "district_code,disability_group,valid_until");
		HEADERS.put("health_ground_truth.csv", "record_id,iin,in_enrolment");
		HEADERS.put("functioning.csv", "iin,assessed_on,age_group,answers");
		HEADERS.put("plans.csv", "iin,school_year,started_on,adaptations,services");
		HEADERS.put("plan_goals.csv", "iin,school_year,goal_domain,description,baseline,target_state,measure");
		HEADERS.put("social_benefits.csv", "record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,"
				+ "district_code,benefit_type,paid_from,paid_until");
		HEADERS.put("benefit_ground_truth.csv", "record_id,iin,in_enrolment");
		HEADERS.put("results.csv", "school_year,term,iin,subject,percentage,mark");
		HEADERS.put("attendance.csv", "school_year,term,iin,school_days,absent_excused,absent_unexcused");
		HEADERS.put("leavers.csv", "iin,school_code,left_on,reason,destination");
		HEADERS.put("enrolment_next.csv",
				"school_year,iin,surname,given_name,patronymic,birth_date,sex,school_code,grade,language");
		HEADERS.put("conclusions_next.csv",
				"iin,conclusion_number,concluded_on,pmpc_code,sen_categories,programme,form,conditions,next_review_on,services");
		HEADERS.put("learner_enrolments_next.csv",
				"iin,school_code,grade,class_name,form,started_on,ended_on,end_reason");
	}

	private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

	@TempDir
	static Path temp;

	private static Path demo;

	@BeforeAll
	static void generateDemo() throws IOException {
		demo = generate("demo", 7);
	}

	@Test
	void theSameSeedGivesByteIdenticalFiles() throws IOException {
		Path again = generate("again", 7);
		for (String file : files()) {
			assertThat(Files.mismatch(demo.resolve(file), again.resolve(file))).as(file).isEqualTo(-1L);
		}
	}

	@Test
	void anotherSeedGivesOtherFiles() throws IOException {
		Path other = generate("other", 8);
		assertThat(Files.mismatch(demo.resolve("enrolment.csv"), other.resolve("enrolment.csv"))).isNotEqualTo(-1L);
		assertThat(Files.mismatch(demo.resolve("health_registry.csv"), other.resolve("health_registry.csv")))
			.isNotEqualTo(-1L);
	}

	@Test
	void everyFileHasTheDocumentedHeaderAndEveryRowItsFieldCount() throws IOException {
		for (Map.Entry<String, String> layout : HEADERS.entrySet()) {
			byte[] bytes = Files.readAllBytes(demo.resolve(layout.getKey()));
			assertThat(bytes.length).as(layout.getKey()).isGreaterThan(3);
			// UTF-8 without a byte-order mark
			assertThat(bytes[0]).as(layout.getKey()).isNotEqualTo((byte) 0xEF);
			List<String> lines = lines(layout.getKey());
			assertThat(lines.get(0)).as(layout.getKey()).isEqualTo(layout.getValue());
			int columns = layout.getValue().split(",").length;
			assertThat(lines).as(layout.getKey()).hasSizeGreaterThan(1);
			for (String line : lines) {
				assertThat(CsvLine.fields(line)).as(layout.getKey() + ": " + line).hasSize(columns);
			}
		}
		assertThat(Files.readString(demo.resolve("README.txt"))).contains("scale: demo", "seed: 7", "enrolment.csv: ");
	}

	@Test
	void fieldsWithCommasOrQuotesAreQuoted() throws IOException {
		assertThat(lines("training.csv")).anyMatch(line -> line.contains("\"Организация инклюзивного образования:"));
		for (List<String> row : rows("training.csv")) {
			assertThat(row.get(2)).doesNotStartWith("\"");
		}
		for (List<String> row : rows("organisations.csv")) {
			assertThat(row.get(0)).matches("KZ-62-[CDR]\\d\\d-[GSNKCPTAHR]\\d{4}");
		}
	}

	@Test
	void enrolmentIinsAreValidUniqueAndAgreeWithBirthDateAndSex() throws IOException {
		Set<String> seen = new HashSet<>();
		for (List<String> row : rows("enrolment.csv")) {
			String iin = row.get(1);
			assertThat(Iin.isValid(iin)).as(iin).isTrue();
			assertThat(Iin.birthDate(iin)).as(iin).isEqualTo(LocalDate.parse(row.get(5)));
			assertThat(Iin.sex(iin)).as(iin).isEqualTo(Sex.valueOf(row.get(6)));
			assertThat(seen.add(iin)).as("duplicate " + iin).isTrue();
			assertThat(row.get(0)).isEqualTo(String.valueOf(SCHOOL_YEAR));
			int grade = Integer.parseInt(row.get(8));
			int age = SCHOOL_YEAR - LocalDate.parse(row.get(5)).getYear();
			assertThat(grade).isBetween(0, 11);
			assertThat(age - grade).as("age minus grade").isBetween(5, 7);
		}
	}

	@Test
	void schoolsOfTheExtractAreOrganisationsWithTheirPupilCounts() throws IOException {
		Map<String, Integer> pupils = new HashMap<>();
		for (List<String> row : rows("enrolment.csv")) {
			pupils.merge(row.get(7), 1, Integer::sum);
		}
		Map<String, List<String>> organisations = new HashMap<>();
		for (List<String> row : rows("organisations.csv")) {
			organisations.put(row.get(0), row);
		}
		assertThat(organisations.keySet()).containsAll(pupils.keySet());
		pupils.forEach(
				(code, count) -> assertThat(organisations.get(code).get(11)).as(code).isEqualTo(String.valueOf(count)));
		assertThat(organisations.values()).anyMatch(row -> row.get(1).equals("PMPC"));
		for (List<String> row : rows("conclusions.csv")) {
			assertThat(organisations.get(row.get(3)).get(1)).isEqualTo("PMPC");
		}
	}

	@Test
	void learnersWithSenAreAtThePublishedRatePerThousandPupils() throws IOException {
		Map<String, List<String>> pupils = new HashMap<>();
		for (List<String> row : rows("enrolment.csv")) {
			pupils.put(row.get(1), row);
		}
		int inSchools = 0;
		int outOfSchool = 0;
		for (List<String> row : rows("learners.csv")) {
			assertThat(Iin.isValid(row.get(0))).isTrue();
			if (row.get(10).isEmpty()) {
				outOfSchool++;
				assertThat(pupils).doesNotContainKey(row.get(0));
				continue;
			}
			inSchools++;
			List<String> pupil = pupils.get(row.get(0));
			assertThat(pupil).as(row.get(0)).isNotNull();
			assertThat(List.of(row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(10)))
				.isEqualTo(List.of(pupil.get(2), pupil.get(3), pupil.get(4), pupil.get(5), pupil.get(6), pupil.get(7)));
		}
		double perThousand = 1000.0 * inSchools / pupils.size();
		assertThat(perThousand).isBetween(28.0, 35.0);
		assertThat((double) outOfSchool / inSchools).isBetween(0.10, 0.20);
		assertThat(rows("conclusions.csv")).hasSize(inSchools + outOfSchool);
	}

	@Test
	void theHealthRegistryHasItsGroundTruthAndItsErrors() throws IOException {
		Set<String> enrolled = new HashSet<>();
		for (List<String> row : rows("enrolment.csv")) {
			enrolled.add(row.get(1));
		}
		List<List<String>> health = rows("health_registry.csv");
		List<List<String>> truth = rows("health_ground_truth.csv");
		assertThat(truth).hasSameSizeAs(health);
		int notEnrolled = 0;
		for (int i = 0; i < truth.size(); i++) {
			List<String> t = truth.get(i);
			assertThat(t.get(0)).isEqualTo(health.get(i).get(0)).matches("H\\d{6}");
			assertThat(Iin.isValid(t.get(1))).isTrue();
			assertThat(Boolean.parseBoolean(t.get(2))).as(t.get(1)).isEqualTo(enrolled.contains(t.get(1)));
			notEnrolled += enrolled.contains(t.get(1)) ? 0 : 1;
			assertThat(LocalDate.parse(health.get(i).get(5))).isBefore(LocalDate.of(SCHOOL_YEAR, 10, 1));
			assertThat(LocalDate.parse(health.get(i).get(10))).isAfter(LocalDate.of(SCHOOL_YEAR, 10, 1));
		}
		assertThat((double) notEnrolled / truth.size()).isBetween(0.20, 0.30);
		long missingIin = health.stream().filter(row -> row.get(1).isEmpty()).count();
		long latin = health.stream().filter(row -> LATIN.matcher(row.get(2) + row.get(3)).find()).count();
		long mistyped = 0;
		for (int i = 0; i < health.size(); i++) {
			String received = health.get(i).get(1);
			mistyped += !received.isEmpty() && !received.equals(truth.get(i).get(1)) ? 1 : 0;
		}
		assertThat(missingIin).isPositive();
		assertThat(latin).isPositive();
		assertThat(mistyped).isPositive();
		assertThat((double) missingIin / health.size()).isBetween(0.02, 0.08);
		assertThat((double) latin / health.size()).isBetween(0.06, 0.14);
	}

	@Test
	void mostHealthRecordsNameADistrictOfTheirRegion() throws IOException {
		AdminUnitsFile units = new AdminUnitsFile();
		List<List<String>> health = rows("health_registry.csv");
		int withDistrict = 0;
		for (List<String> row : health) {
			String district = row.get(8);
			if (district.isEmpty()) {
				continue;
			}
			withDistrict++;
			assertThat(units.unit(district).parent()).as(row.get(0) + " " + district).isEqualTo(row.get(7));
		}
		// all but the records placed in a neighbouring region (2%)
		assertThat((double) withDistrict / health.size()).isBetween(0.95, 0.995);
	}

	@Test
	void aboutOnePerCentOfTheHealthExtractsChildrenHaveASecondRecordUnderAnotherSpelling() throws IOException {
		List<List<String>> health = rows("health_registry.csv");
		List<List<String>> truth = rows("health_ground_truth.csv");
		Map<String, List<Integer>> byChild = new HashMap<>();
		for (int i = 0; i < truth.size(); i++) {
			byChild.computeIfAbsent(truth.get(i).get(1), k -> new java.util.ArrayList<>()).add(i);
		}
		long seconds = truth.size() - byChild.size();
		assertThat((double) seconds / byChild.size()).isBetween(0.004, 0.025);
		Set<String> ids = new HashSet<>();
		int spelledOtherwise = 0;
		for (List<Integer> records : byChild.values()) {
			if (records.size() < 2) {
				continue;
			}
			List<String> first = health.get(records.get(0));
			List<String> second = health.get(records.get(1));
			assertThat(ids.add(first.get(0)) && ids.add(second.get(0))).isTrue();
			assertThat(second.get(6)).isEqualTo(first.get(6));
			assertThat(second.get(7)).isEqualTo("KZ-62");
			spelledOtherwise += second.subList(1, 6).equals(first.subList(1, 6)) ? 0 : 1;
		}
		assertThat(spelledOtherwise).as("second records under another spelling").isPositive();
	}

	@Test
	void theBenefitRegisterHasItsOwnGapsErrorsAndDisagreements() throws IOException {
		Set<String> enrolled = new HashSet<>();
		for (List<String> row : rows("enrolment.csv")) {
			enrolled.add(row.get(1));
		}
		Set<String> inHealth = new HashSet<>();
		rows("health_ground_truth.csv").forEach(row -> inHealth.add(row.get(1)));
		List<List<String>> benefits = rows("social_benefits.csv");
		List<List<String>> truth = rows("benefit_ground_truth.csv");
		assertThat(truth).hasSameSizeAs(benefits);
		Set<String> children = new HashSet<>();
		AdminUnitsFile units = new AdminUnitsFile();
		LocalDate census = LocalDate.of(SCHOOL_YEAR, 10, 1);
		int missingIin = 0, latin = 0, noDistrict = 0, groupUnder16 = 0, fitting = 0;
		for (int i = 0; i < truth.size(); i++) {
			List<String> row = benefits.get(i);
			List<String> t = truth.get(i);
			assertThat(t.get(0)).isEqualTo(row.get(0)).matches("B\\d{6}");
			assertThat(Boolean.parseBoolean(t.get(2))).as(t.get(1)).isEqualTo(enrolled.contains(t.get(1)));
			children.add(t.get(1));
			missingIin += row.get(1).isEmpty() ? 1 : 0;
			latin += LATIN.matcher(row.get(2) + row.get(3)).find() ? 1 : 0;
			if (row.get(8).isEmpty()) {
				noDistrict++;
			}
			else {
				assertThat(units.unit(row.get(8)).parent()).isEqualTo(row.get(7));
			}
			LocalDate birth = LocalDate.parse(row.get(5));
			LocalDate paidFrom = LocalDate.parse(row.get(10));
			assertThat(birth).isBefore(census);
			assertThat(paidFrom).as(row.toString()).isAfterOrEqualTo(birth);
			if (!row.get(11).isEmpty()) {
				assertThat(LocalDate.parse(row.get(11))).as(row.toString()).isAfterOrEqualTo(paidFrom);
			}
			boolean under16 = Iin.birthDate(t.get(1)).plusYears(16).isAfter(census);
			String type = row.get(9);
			assertThat(type).isIn("CHILD_WITH_DISABILITY", "GROUP_1", "GROUP_2", "GROUP_3", "CARER");
			groupUnder16 += under16 && type.startsWith("GROUP_") ? 1 : 0;
			fitting += under16 == (type.equals("CHILD_WITH_DISABILITY") || type.equals("CARER")) ? 1 : 0;
		}
		Set<String> notInBenefits = new HashSet<>(inHealth);
		notInBenefits.removeAll(children);
		Set<String> notInHealth = new HashSet<>(children);
		notInHealth.removeAll(inHealth);
		assertThat((double) notInBenefits.size() / inHealth.size()).isBetween(0.03, 0.08);
		assertThat((double) notInHealth.size() / children.size()).isBetween(0.03, 0.08);
		assertThat((double) (truth.size() - children.size()) / children.size()).as("second records")
			.isBetween(0.003, 0.025);
		assertThat((double) missingIin / truth.size()).isBetween(0.005, 0.04);
		assertThat((double) latin / truth.size()).isBetween(0.18, 0.32);
		assertThat((double) noDistrict / truth.size()).isBetween(0.04, 0.12);
		assertThat(groupUnder16).as("children under 16 given a group, for reconciliation to flag").isPositive();
		assertThat((double) fitting / truth.size()).isGreaterThan(0.9);
	}

	@Test
	void theGeneratorKnowsTheQuestionsAndAnswersOfTheChildFunctioningModule() {
		for (CfmAgeGroup group : CfmAgeGroup.values()) {
			List<String> questions = ChildFunctioning.questions(group);
			assertThat(FunctioningAnswers.questions(group.name())).isEqualTo(questions);
			for (String question : questions) {
				assertThat(FunctioningAnswers.answers(group.name(), question)).as(question)
					.isEqualTo(ChildFunctioning.answers(group, question));
			}
		}
	}

	@Test
	void functioningAnswersAreAcceptedAndShowDifficultiesForMostLearners() throws IOException {
		Map<String, LocalDate> births = new HashMap<>();
		for (List<String> row : rows("learners.csv")) {
			births.put(row.get(0), LocalDate.parse(row.get(4)));
		}
		Map<String, LocalDate> concluded = new HashMap<>();
		for (List<String> row : rows("conclusions.csv")) {
			concluded.put(row.get(0), LocalDate.parse(row.get(2)));
		}
		List<List<String>> functioning = rows("functioning.csv");
		Set<String> seen = new HashSet<>();
		int difficulty = 0;
		for (List<String> row : functioning) {
			String iin = row.get(0);
			assertThat(births).as(iin).containsKey(iin);
			assertThat(seen.add(iin)).as("duplicate " + iin).isTrue();
			LocalDate assessed = LocalDate.parse(row.get(1));
			assertThat(assessed).isBetween(concluded.get(iin), concluded.get(iin).plusYears(1))
				.isBeforeOrEqualTo(LocalDate.of(SCHOOL_YEAR, 10, 1));
			CfmAgeGroup group = CfmAgeGroup.valueOf(row.get(2));
			long age = java.time.temporal.ChronoUnit.YEARS.between(births.get(iin), assessed);
			assertThat(group).as(iin).isEqualTo(age <= 4 ? CfmAgeGroup.AGES_2_4 : CfmAgeGroup.AGES_5_17);
			assertThat(age).isBetween(2L, 17L);
			Map<String, String> answers = new LinkedHashMap<>();
			for (String pair : row.get(3).split("\\|")) {
				String[] parts = pair.split("=", 2);
				assertThat(answers.put(parts[0], parts[1])).as(pair).isNull();
			}
			assertThat(answers.keySet()).as("every question answered")
				.containsExactlyElementsOf(ChildFunctioning.questions(group));
			difficulty += ChildFunctioning.evaluate(group, answers).functionalDifficulty() ? 1 : 0;
		}
		assertThat((double) functioning.size() / births.size()).isBetween(0.3, 0.45);
		assertThat((double) difficulty / functioning.size()).isBetween(0.5, 0.9);
	}

	@Test
	void plansAndGoalsBelongToLearnersInSchoolsWithTheirServices() throws IOException {
		Map<String, String> schools = new HashMap<>();
		for (List<String> row : rows("learners.csv")) {
			schools.put(row.get(0), row.get(10));
		}
		Map<String, Map<String, Integer>> recommended = new HashMap<>();
		for (List<String> row : rows("conclusions.csv")) {
			recommended.put(row.get(0), quarters(row.get(9)));
		}
		Set<String> plans = new HashSet<>();
		Pattern services = Pattern.compile(
				"(TEACHER_ASSISTANT|SPECIAL_TEACHER|SPEECH_THERAPIST|EDUCATIONAL_PSYCHOLOGIST|SOCIAL_EDUCATOR|TUTOR)"
						+ ":\\d+(\\.5)?(\\|.+)?");
		for (List<String> row : rows("plans.csv")) {
			String iin = row.get(0);
			assertThat(schools.get(iin)).as(iin).isNotEmpty();
			assertThat(row.get(1)).isEqualTo(String.valueOf(SCHOOL_YEAR));
			assertThat(plans.add(iin + "," + row.get(1))).as("duplicate " + iin).isTrue();
			assertThat(LocalDate.parse(row.get(2))).isBetween(LocalDate.of(SCHOOL_YEAR, 9, 1),
					LocalDate.of(SCHOOL_YEAR, 10, 1));
			assertThat(row.get(3)).isNotBlank();
			assertThat(row.get(4)).matches(services);
			Map<String, Integer> planned = quarters(row.get(4));
			Map<String, Integer> concluded = recommended.get(iin);
			assertThat(concluded.keySet()).containsAll(planned.keySet());
			planned.forEach(
					(specialist, hours) -> assertThat(hours).isBetween(2, Math.min(160, concluded.get(specialist))));
		}
		long inSchools = schools.values().stream().filter(code -> !code.isEmpty()).count();
		assertThat((double) plans.size() / inSchools).isBetween(0.8, 0.9);
		assertThat(lines("plans.csv")).anyMatch(line -> line.contains(",\""));
		Set<String> goals = new HashSet<>();
		Set<String> domains = Set.of("COMMUNICATION", "COGNITIVE", "ACADEMIC", "SOCIAL_EMOTIONAL", "SELF_CARE",
				"MOTOR");
		Map<String, Integer> perPlan = new HashMap<>();
		for (List<String> row : rows("plan_goals.csv")) {
			String plan = row.get(0) + "," + row.get(1);
			assertThat(plans).as(plan).contains(plan);
			assertThat(domains).contains(row.get(2));
			assertThat(goals.add(plan + "," + row.get(2))).as("domains distinct within " + plan).isTrue();
			assertThat(row.get(3)).isNotBlank().hasSizeLessThanOrEqualTo(1000);
			assertThat(row.get(4)).isNotBlank().hasSizeLessThanOrEqualTo(1000);
			assertThat(row.get(5)).isNotBlank().hasSizeLessThanOrEqualTo(1000);
			assertThat(row.get(6)).isNotBlank().hasSizeLessThanOrEqualTo(400);
			perPlan.merge(plan, 1, Integer::sum);
		}
		assertThat(perPlan.keySet()).isEqualTo(plans);
		assertThat(perPlan.values()).allMatch(count -> count >= 1 && count <= 3);
	}

	@Test
	void conditionsSurveyShowsTheUrbanRuralGap() throws IOException {
		Map<String, String> settlement = new HashMap<>();
		for (List<String> row : rows("organisations.csv")) {
			settlement.put(row.get(0), row.get(6));
		}
		int[] schools = new int[2];
		int[] adapted = new int[2];
		for (List<String> row : rows("conditions.csv")) {
			int urban = settlement.get(row.get(0)).equals("URBAN") ? 0 : 1;
			schools[urban]++;
			adapted[urban] += row.get(4).equals("PRESENT") && row.get(7).equals("PRESENT") ? 1 : 0;
		}
		assertThat((double) adapted[0] / schools[0]).isGreaterThan((double) adapted[1] / schools[1]);
	}

	@Test
	void nameListsAreLongEnoughAndInCyrillic() {
		Pattern cyrillic = Pattern.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүІіҺһ-]+");
		for (Names.Origin origin : new Names.Origin[] { Names.Origin.KAZAKH, Names.Origin.RUSSIAN }) {
			Names.Tradition tradition = Names.tradition(origin);
			assertThat(tradition.surnames.size()).as(origin + " surnames").isGreaterThanOrEqualTo(150);
			assertThat(tradition.male.size()).as(origin + " male").isGreaterThanOrEqualTo(150);
			assertThat(tradition.female.size()).as(origin + " female").isGreaterThanOrEqualTo(150);
		}
		for (Names.Origin origin : Names.Origin.values()) {
			Names.Tradition t = Names.tradition(origin);
			for (Names.Table table : List.of(t.surnames, t.male, t.female, t.fathers)) {
				for (String name : table.values) {
					assertThat(name).as(origin.name()).matches(cyrillic);
				}
			}
		}
		assertThat(Names.feminine("Ахметов")).isEqualTo("Ахметова");
		assertThat(Names.feminine("Ковальский")).isEqualTo("Ковальская");
		assertThat(Names.feminine("Ким")).isEqualTo("Ким");
		assertThat(Names.russianStyle("Серик", true)).isEqualTo("Серикович");
		assertThat(Names.russianStyle("Серик", false)).isEqualTo("Сериковна");
		assertThat(Romanisation.fold("Жұмабаев Әлихан")).isEqualTo("Жумабаев Алихан");
		assertThat(Romanisation.passport("Жұмабаев Шоқан")).isEqualTo("Zhumabaev Shokan");
		assertThat(Romanisation.latin2021("Қасымов Інжу")).isEqualTo("Qasymov Inju");
		assertThat(Romanisation.latin2021("Сейітов")).isEqualTo("Seiıtov");
		assertThat(Romanisation.latin2021("Иса")).isEqualTo("İsa");
	}

	/**
	 * The first term's outcomes, recomputed from the files alone: the share of
	 * recommended hours delivered from conclusions.csv and sessions.csv, the gap from
	 * results.csv against the peers of the same school.
	 */
	@Test
	void theGapOfLearnersWithSenIsSmallWhereTheirSupportIsDelivered() throws IOException {
		Map<String, List<String>> pupils = new HashMap<>();
		for (List<String> row : rows("enrolment.csv")) {
			pupils.put(row.get(1), row);
		}
		Map<String, Integer> recommended = new HashMap<>();
		for (List<String> row : rows("conclusions.csv")) {
			recommended.put(row.get(0), quarters(row.get(9)).values().stream().mapToInt(Integer::intValue).sum());
		}
		Map<String, Integer> minutes = new HashMap<>();
		for (List<String> row : rows("sessions.csv")) {
			LocalDate held = LocalDate.parse(row.get(1));
			assertThat(held).isBetween(LocalDate.of(SCHOOL_YEAR, 9, 1), LocalDate.of(SCHOOL_YEAR, 10, 31));
			if (row.get(5).equals("true")) {
				minutes.merge(row.get(0), Integer.parseInt(row.get(3)), Integer::sum);
			}
		}
		int weekdays = 0;
		for (LocalDate day = LocalDate.of(SCHOOL_YEAR, 9, 1); day.getMonthValue() <= 10; day = day.plusDays(1)) {
			weekdays += day.getDayOfWeek().getValue() <= 5 ? 1 : 0;
		}
		int schoolDays = weekdays;
		Map<String, double[]> means = new HashMap<>();
		Map<String, String> schoolOf = new HashMap<>();
		Set<String> results = new HashSet<>();
		for (List<String> row : rows("results.csv")) {
			List<String> pupil = pupils.get(row.get(2));
			assertThat(pupil).as(row.get(2)).isNotNull();
			assertThat(Integer.parseInt(pupil.get(8))).isGreaterThanOrEqualTo(2);
			assertThat(row.get(1)).isEqualTo("1");
			assertThat(Double.parseDouble(row.get(4))).isBetween(0.0, 100.0);
			assertThat(row.get(4)).matches("\\d{1,3}\\.\\d");
			assertThat(results.add(row.get(2) + "," + row.get(3))).isTrue();
			double[] sum = means.computeIfAbsent(row.get(2), k -> new double[2]);
			sum[0] += Double.parseDouble(row.get(4));
			sum[1]++;
			schoolOf.put(row.get(2), pupil.get(7));
		}
		Map<String, double[]> peers = new HashMap<>();
		means.forEach((iin, sum) -> {
			if (!recommended.containsKey(iin)) {
				double[] school = peers.computeIfAbsent(schoolOf.get(iin), k -> new double[2]);
				school[0] += sum[0] / sum[1];
				school[1]++;
			}
		});
		double[] supported = new double[2];
		double[] unsupported = new double[2];
		means.forEach((iin, sum) -> {
			Integer quartersPerWeek = recommended.get(iin);
			double[] school = peers.get(schoolOf.get(iin));
			if (quartersPerWeek == null || quartersPerWeek == 0 || school == null || school[1] < 5) {
				return;
			}
			double share = minutes.getOrDefault(iin, 0) / 60.0 / (quartersPerWeek / 4.0 * schoolDays / 5.0);
			double[] group = share >= 0.8 ? supported : unsupported;
			group[0] += sum[0] / sum[1] - school[0] / school[1];
			group[1]++;
		});
		assertThat(supported[1]).isGreaterThan(20);
		assertThat(unsupported[1]).isGreaterThan(20);
		double supportedGap = supported[0] / supported[1];
		double unsupportedGap = unsupported[0] / unsupported[1];
		assertThat(supportedGap).as("gap with support delivered").isBetween(-6.0, 0.0);
		assertThat(unsupportedGap).as("gap without").isLessThan(supportedGap - 4);

		for (List<String> row : rows("attendance.csv")) {
			assertThat(pupils).containsKey(row.get(2));
			assertThat(Integer.parseInt(row.get(3))).isEqualTo(schoolDays);
			assertThat(Integer.parseInt(row.get(4)) + Integer.parseInt(row.get(5))).isBetween(0, schoolDays);
		}
		Set<String> reasons = new HashSet<>();
		for (List<String> row : rows("leavers.csv")) {
			List<String> pupil = pupils.get(row.get(0));
			assertThat(pupil).as(row.get(0)).isNotNull();
			assertThat(row.get(1)).isEqualTo(pupil.get(7));
			reasons.add(row.get(3));
			if (row.get(3).startsWith("COMPLETED")) {
				// completers leave in June, after the terms
				assertThat(LocalDate.parse(row.get(2))).isBetween(LocalDate.of(SCHOOL_YEAR + 1, 6, 1),
						LocalDate.of(SCHOOL_YEAR + 1, 6, 20));
				continue;
			}
			assertThat(LocalDate.parse(row.get(2))).isBetween(LocalDate.of(SCHOOL_YEAR, 10, 2),
					LocalDate.of(SCHOOL_YEAR, 10, 31));
			assertThat(results).noneMatch(key -> key.startsWith(row.get(0) + ","));
		}
		assertThat(reasons).contains("DROPOUT", "TRANSFER");
	}

	@Test
	void theNextExtractAndTheCompletersShowLearnersWithSenLeavingMoreAndMovingOnLess() throws IOException {
		Map<String, Integer> grades = new HashMap<>();
		for (List<String> row : rows("enrolment.csv")) {
			grades.put(row.get(1), Integer.parseInt(row.get(8)));
		}
		Set<String> sen = new HashSet<>();
		rows("learners.csv").forEach(row -> sen.add(row.get(0)));
		Map<String, Integer> next = new HashMap<>();
		for (List<String> row : rows("enrolment_next.csv")) {
			assertThat(Integer.parseInt(row.get(0))).isEqualTo(SCHOOL_YEAR + 1);
			int before = grades.get(row.get(1));
			assertThat(Integer.parseInt(row.get(8))).as("a grade up, or repeated").isBetween(before, before + 1);
			next.put(row.get(1), Integer.parseInt(row.get(8)));
		}
		Map<String, List<String>> leavers = new HashMap<>();
		rows("leavers.csv").forEach(row -> leavers.put(row.get(0), row));
		// [SEN, peers] x [pupils, vanished, completed 9, continued after 9]
		double[][] counts = new double[2][4];
		grades.forEach((iin, grade) -> {
			double[] group = counts[sen.contains(iin) ? 0 : 1];
			group[0]++;
			List<String> leaver = leavers.get(iin);
			if (!next.containsKey(iin) && leaver == null) {
				group[1]++;
			}
			boolean completed9 = grade == 9
					&& (next.getOrDefault(iin, 0) >= 10 || leaver != null && leaver.get(3).equals("COMPLETED_GRADE_9"));
			if (completed9) {
				group[2]++;
				if (next.getOrDefault(iin, 0) >= 10 || List.of("COLLEGE", "EMPLOYMENT").contains(leaver.get(4))) {
					group[3]++;
				}
			}
		});
		assertThat(counts[0][2]).as("learners with SEN completing grade 9").isGreaterThan(30);
		assertThat(counts[0][1] / counts[0][0]).as("vanished, SEN against peers")
			.isGreaterThan(1.5 * counts[1][1] / counts[1][0]);
		assertThat(counts[0][3] / counts[0][2]).as("moving on after grade 9, SEN against peers")
			.isLessThan(counts[1][3] / counts[1][2] - 0.1);
		assertThat(leavers.values()).anyMatch(row -> row.get(3).equals("COMPLETED_GRADE_11"));
	}

	@Test
	void thePreschoolLearnersWithSenStartGradeOneMostlyInTheFormTheirConclusionRecommends() throws IOException {
		Set<String> sen = new HashSet<>();
		rows("learners.csv").forEach(row -> sen.add(row.get(0)));
		Set<String> preschool = new HashSet<>();
		for (List<String> row : rows("enrolment.csv")) {
			if (row.get(8).equals("0") && sen.contains(row.get(1))) {
				preschool.add(row.get(1));
			}
		}
		Map<String, String> gradeOneSchool = new HashMap<>();
		for (List<String> row : rows("enrolment_next.csv")) {
			if (preschool.contains(row.get(1)) && row.get(8).equals("1")) {
				gradeOneSchool.put(row.get(1), row.get(7));
			}
		}
		LocalDate nextCensus = LocalDate.of(SCHOOL_YEAR + 1, 10, 1);
		// the conclusion in force on the next census day: the latest made by then
		Map<String, List<String>> inForce = new HashMap<>();
		Set<String> numbers = new HashSet<>();
		for (String file : List.of("conclusions.csv", "conclusions_next.csv")) {
			for (List<String> row : rows(file)) {
				assertThat(numbers.add(row.get(1))).as("conclusion number " + row.get(1)).isTrue();
				LocalDate concluded = LocalDate.parse(row.get(2));
				List<String> before = inForce.get(row.get(0));
				if (file.equals("conclusions_next.csv")) {
					assertThat(gradeOneSchool).containsKey(row.get(0));
					assertThat(concluded).isBetween(LocalDate.of(SCHOOL_YEAR + 1, 6, 1),
							LocalDate.of(SCHOOL_YEAR + 1, 8, 25));
					assertThat(row.get(6)).as("a summer review recommends another form").isNotEqualTo(before.get(6));
				}
				if (!concluded.isAfter(nextCensus)
						&& (before == null || !concluded.isBefore(LocalDate.parse(before.get(2))))) {
					inForce.put(row.get(0), row);
				}
			}
		}
		// the learner register on the next census day: the next file's rows replace those
		// of the same learner, school and start
		Map<String, List<String>> enrolments = new LinkedHashMap<>();
		for (String file : List.of("learner_enrolments.csv", "learner_enrolments_next.csv")) {
			for (List<String> row : rows(file)) {
				String key = row.get(0) + "," + row.get(1) + "," + row.get(5);
				if (file.equals("learner_enrolments_next.csv")) {
					assertThat(gradeOneSchool.get(row.get(0))).as(row.toString()).isEqualTo(row.get(1));
					if (row.get(2).equals("0")) {
						assertThat(enrolments.get(key)).as("the pre-school enrolment, ended").isNotNull();
						assertThat(row.subList(6, 8)).containsExactly(SCHOOL_YEAR + 1 + "-05-31", "GRADUATION");
					}
					else {
						assertThat(row.get(5)).isEqualTo(SCHOOL_YEAR + 1 + "-09-01");
					}
				}
				enrolments.put(key, row);
			}
		}
		Map<String, String> formOnNextCensus = new HashMap<>();
		for (List<String> row : enrolments.values()) {
			if (!LocalDate.parse(row.get(5)).isAfter(nextCensus)
					&& (row.get(6).isEmpty() || LocalDate.parse(row.get(6)).isAfter(nextCensus))) {
				assertThat(formOnNextCensus.put(row.get(0), row.get(4))).as("one open enrolment of " + row.get(0))
					.isNull();
			}
		}
		long inForm = gradeOneSchool.keySet()
			.stream()
			.filter(iin -> inForce.get(iin).get(6).equals(formOnNextCensus.get(iin)))
			.count();
		assertThat(preschool).hasSizeGreaterThan(40);
		assertThat(gradeOneSchool.size()).isGreaterThan(preschool.size() * 9 / 10);
		assertThat((double) inForm / preschool.size()).as("PRESCHOOL_TO_GRADE_1 of the demo files")
			.isBetween(0.65, 0.92);
		assertThat(rows("conclusions_next.csv")).isNotEmpty();
	}

	@Test
	void theCommandNeedsScaleSeedAndDirectory() {
		GenerateJob job = new GenerateJob(java.time.Clock.systemUTC());
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
		assertThat(job.run(List.of("--scale", "planet", "--seed", "1", "--out", "x"), out)).isEqualTo(2);
		assertThat(job.run(List.of("--scale", "demo", "--out", "x"), out)).isEqualTo(2);
		assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("Usage: generate --scale demo|region|national");
	}

	/** Weekly hours by specialist from a services field, in quarter hours. */
	private static Map<String, Integer> quarters(String services) {
		Map<String, Integer> hours = new HashMap<>();
		if (!services.isEmpty()) {
			for (String service : services.split("\\|")) {
				String[] parts = service.split(":");
				hours.put(parts[0], (int) Math.round(Double.parseDouble(parts[1]) * 4));
			}
		}
		return hours;
	}

	private static Path generate(String name, long seed) throws IOException {
		Path directory = temp.resolve(name);
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		new Generator(Scale.DEMO, seed, SCHOOL_YEAR).run(directory, quiet);
		return directory;
	}

	private static List<String> files() {
		List<String> files = new java.util.ArrayList<>(HEADERS.keySet());
		files.add("README.txt");
		return files;
	}

	private static List<String> lines(String file) throws IOException {
		return Files.readAllLines(demo.resolve(file), StandardCharsets.UTF_8);
	}

	private static List<List<String>> rows(String file) throws IOException {
		List<String> lines = lines(file);
		return lines.subList(1, lines.size()).stream().map(CsvLine::fields).toList();
	}

}
