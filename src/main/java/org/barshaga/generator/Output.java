package org.barshaga.generator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files the generator writes, open together so that each region streams into all. */
final class Output implements Closeable {

	static final String[] CONDITION_ITEMS = { "step_free_entrance", "door_widths", "lift_or_platform",
			"accessible_toilet", "stair_handrails", "tactile_guidance", "braille_signage", "induction_loop",
			"accessible_canteen", "special_desks", "braille_textbooks", "enlarged_print", "audio_materials",
			"tactile_materials", "aac", "adapted_computers", "sign_language_support", "inclusion_support_room",
			"resource_room", "sensory_room", "psychologist_office", "speech_therapy_room", "accessible_transport" };

	static final String ORGANISATIONS = "code,type,name_kk,name_ru,name_en,unit_code,settlement,ownership,languages,"
			+ "status,closed_on,pupils";

	static final String ENROLMENT = "school_year,iin,surname,given_name,patronymic,birth_date,sex,school_code,grade,"
			+ "language";

	static final String LEARNERS = "iin,surname,given_name,patronymic,birth_date,sex,citizenship,language,disability,"
			+ "home_unit_code,school_code";

	static final String CONCLUSIONS = "iin,conclusion_number,concluded_on,pmpc_code,sen_categories,programme,form,"
			+ "conditions,next_review_on,services";

	static final String LEARNER_ENROLMENTS = "iin,school_code,grade,class_name,form,started_on,ended_on,end_reason";

	static final String SESSIONS = "iin,held_on,specialist,minutes,grouped,attended,missed_reason";

	static final String STAFF = "school_code,iin,full_name,position,fte,qualification,started_on,ended_on";

	static final String TRAINING = "school_code,staff_iin,course,provider,hours,completed_on,inclusive";

	static final String CONDITIONS = "school_code,school_year,reported_created,reported_on,"
			+ String.join(",", CONDITION_ITEMS);

	static final String HEALTH = "record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,"
			+ "district_code,disability_group,valid_until";

	static final String HEALTH_TRUTH = "record_id,iin,in_enrolment";

	static final String BENEFITS = "record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,"
			+ "district_code,benefit_type,paid_from,paid_until";

	static final String BENEFIT_TRUTH = "record_id,iin,in_enrolment";

	static final String FUNCTIONING = "iin,assessed_on,age_group,answers";

	static final String PLANS = "iin,school_year,started_on,adaptations,services";

	static final String PLAN_GOALS = "iin,school_year,goal_domain,description,baseline,target_state,measure";

	static final String RESULTS = "school_year,term,iin,subject,percentage,mark";

	static final String ATTENDANCE = "school_year,term,iin,school_days,absent_excused,absent_unexcused";

	static final String LEAVERS = "iin,school_code,left_on,reason,destination";

	final CsvFile organisations;

	final CsvFile enrolment;

	final CsvFile learners;

	final CsvFile conclusions;

	final CsvFile learnerEnrolments;

	final CsvFile sessions;

	final CsvFile staff;

	final CsvFile training;

	final CsvFile conditions;

	final CsvFile health;

	final CsvFile healthTruth;

	final CsvFile functioning;

	final CsvFile plans;

	final CsvFile planGoals;

	final CsvFile benefits;

	final CsvFile benefitTruth;

	final CsvFile results;

	final CsvFile attendance;

	final CsvFile leavers;

	/** The next school year's enrolment extract, for dropout and transitions. */
	final CsvFile enrolmentNext;

	/**
	 * The next school year's learner-register enrolments and summer conclusions of the
	 * learners moving up from the pre-school class to grade 1.
	 */
	final CsvFile learnerEnrolmentsNext;

	final CsvFile conclusionsNext;

	private final List<CsvFile> all = new ArrayList<>();

	/** The number of the last health record written, for record ids. */
	long healthRecords;

	/** The number of the last benefit record written, for record ids. */
	long benefitRecords;

	/** The health extract's second records, written after every region's first ones. */
	final List<HealthExtract.Second> secondHealthRecords = new ArrayList<>();

	Output(Path directory) throws IOException {
		organisations = open(directory, "organisations.csv", ORGANISATIONS);
		enrolment = open(directory, "enrolment.csv", ENROLMENT);
		learners = open(directory, "learners.csv", LEARNERS);
		conclusions = open(directory, "conclusions.csv", CONCLUSIONS);
		learnerEnrolments = open(directory, "learner_enrolments.csv", LEARNER_ENROLMENTS);
		sessions = open(directory, "sessions.csv", SESSIONS);
		staff = open(directory, "staff.csv", STAFF);
		training = open(directory, "training.csv", TRAINING);
		conditions = open(directory, "conditions.csv", CONDITIONS);
		health = open(directory, "health_registry.csv", HEALTH);
		healthTruth = open(directory, "health_ground_truth.csv", HEALTH_TRUTH);
		functioning = open(directory, "functioning.csv", FUNCTIONING);
		plans = open(directory, "plans.csv", PLANS);
		planGoals = open(directory, "plan_goals.csv", PLAN_GOALS);
		benefits = open(directory, "social_benefits.csv", BENEFITS);
		benefitTruth = open(directory, "benefit_ground_truth.csv", BENEFIT_TRUTH);
		results = open(directory, "results.csv", RESULTS);
		attendance = open(directory, "attendance.csv", ATTENDANCE);
		leavers = open(directory, "leavers.csv", LEAVERS);
		enrolmentNext = open(directory, "enrolment_next.csv", ENROLMENT);
		conclusionsNext = open(directory, "conclusions_next.csv", CONCLUSIONS);
		learnerEnrolmentsNext = open(directory, "learner_enrolments_next.csv", LEARNER_ENROLMENTS);
	}

	List<CsvFile> files() {
		return all;
	}

	private CsvFile open(Path directory, String name, String header) throws IOException {
		CsvFile file = new CsvFile(directory, name, header);
		all.add(file);
		return file;
	}

	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (CsvFile file : all) {
			try {
				file.close();
			}
			catch (IOException e) {
				failure = failure == null ? e : failure;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
