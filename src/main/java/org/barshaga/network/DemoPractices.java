package org.barshaga.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.barshaga.conditions.DeliveredTraining;
import org.barshaga.conditions.PositionType;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.learner.SenCategory;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationSearch;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few practices in the three languages and a seminar, written through {@link Practices}
 * and {@link Seminars} as a school, a resource centre and the demo PMPC would, so that
 * each is checked and audited like a real one. The demo school has a published practice,
 * a draft and a practice waiting for its region's resource centre; the demo PMPC's
 * seminar trained three teachers of another school of its district.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(71)
class DemoPractices implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPractices.class);

	private static final String BY = "demo-data";

	private static final String DEMO_SCHOOL = "KZ-61-D08-S001";

	/**
	 * The school whose teachers attended the demo seminar: another school of the demo
	 * district, so the demo school's own figures stay as the conditions demo wrote them.
	 */
	private static final String SEMINAR_SCHOOL = "KZ-61-D08-S005";

	private final Practices practices;

	private final Seminars seminars;

	private final SeminarRepository seminarRows;

	private final DeliveredTraining training;

	private final Organisations organisations;

	private final Clock clock;

	DemoPractices(Practices practices, Seminars seminars, SeminarRepository seminarRows, DeliveredTraining training,
			Organisations organisations, Clock clock) {
		this.practices = practices;
		this.seminars = seminars;
		this.seminarRows = seminarRows;
		this.training = training;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		Organisation demoSchool = organisations.findByCode(DEMO_SCHOOL).orElse(null);
		if (demoSchool == null) {
			return;
		}
		if (practices.count() == 0) {
			writePractices(demoSchool);
		}
		if (seminarRows.count() == 0) {
			organisations.findByCode(SEMINAR_SCHOOL).ifPresent(this::writeSeminar);
		}
	}

	private void writePractices(Organisation demoSchool) {
		Actor school = author(demoSchool);
		Organisation centre = first(OrganisationType.RESOURCE_CENTRE, "KZ-61");
		long timetable = practices.create(school, new PracticeDraft("kk", "Сыныптағы көрнекі кесте",
				"Аутизмі бар оқушылар күннің тәртібін түсінбей, сабақтар ауысқанда мазасызданатын. Мұғалімдерде мұндай балалармен жұмыс тәжірибесі аз болды.",
				EnumSet.of(BarrierGroup.STAFF, BarrierGroup.SOCIAL), EnumSet.of(SenCategory.AUTISM),
				"Әр сыныпқа суреттері бар көрнекі кесте ілінді: әр сабақтың белгісі, үзіліс және түскі ас. Мұғалімдер сабақ ауысарда балаларға кестені көрсетеді. Логопед пен психолог мұғалімдерге екі семинар өткізді.",
				"1–4 сыныптардағы аутизм спектрі бұзылыстары бар оқушылар және олардың сыныптастары; сынып жетекшілері.",
				"Психолог (апта сайын 2 сағат), сынып жетекшілері", "Бір ай дайындық, кейін күнделікті 5 минут",
				"Шамамен 40 000 теңге: басып шығару және ламинаттау",
				"Суреттер, ламинатталған карточкалар, жабысқақ таспа",
				"Үзілістен кейін сыныптан шығып кету жағдайлары азайды; мұғалімдер балалардың мазасыздануы сиреді деп атап өтті. Ата-аналар үйде де осындай кестені қолдана бастады."));
		practices.submit(school, timetable, 0);
		if (centre != null) {
			practices.publish(moderator(centre), timetable, 1);
		}
		long ramp = practices.create(school, new PracticeDraft("kk", "Кіреберістегі уақытша пандус",
				"Мектептің кіреберісінде баспалдақтар бар, арбамен жүретін оқушы ғимаратқа өз бетімен кіре алмайтын.",
				EnumSet.of(BarrierGroup.INFRASTRUCTURE, BarrierGroup.FUNDING), EnumSet.of(SenCategory.MOTOR),
				"Ата-аналар комитетімен бірге жиналмалы металл пандус сатып алынды.",
				"Тірек-қимыл аппараты бұзылған оқушылар", null, "Екі апта", "Шамамен 180 000 теңге", "Металл пандус",
				"Оқушы мектепке өзі кіреді."));
		practices.create(school,
				new PracticeDraft("kk", "Ата-аналармен кездесулер", "Ата-аналар инклюзияға қарсы болды.",
						EnumSet.of(BarrierGroup.SOCIAL), EnumSet.of(SenCategory.INTELLECTUAL),
						"Ай сайын ашық сабақтар өткізілді.", "Бастауыш сыныптардың ата-аналары", null, null, null, null,
						"Жоба: нәтижелер әлі жиналуда."));
		practices.submit(school, ramp, 0);
		write("KZ-59", "ru", "Тьютор на перемене",
				"Ученики с нарушениями интеллекта оставались одни на переменах, возникали конфликты с одноклассниками.",
				EnumSet.of(BarrierGroup.STAFF, BarrierGroup.ADMINISTRATION), EnumSet.of(SenCategory.INTELLECTUAL),
				"Директор закрепил за каждым этажом тьютора на переменах; старшеклассники-волонтёры проводят игры с младшими учениками.",
				"Ученики 2–6 классов с нарушениями интеллекта и их одноклассники", "Два тьютора, шесть волонтёров",
				"Каждая перемена", "Без дополнительных затрат", "Настольные игры",
				"Конфликтов на переменах стало меньше; учителя отмечают, что дети охотнее идут в школу.");
		write("KZ-75", "en", "Reading buddies for pupils with hearing loss",
				"Pupils with hearing loss fell behind in reading because the class teacher could not give them enough one-to-one time.",
				EnumSet.of(BarrierGroup.STAFF), EnumSet.of(SenCategory.HEARING),
				"Older pupils trained by the speech therapist read with younger pupils twice a week, facing them and using the pictures of the book.",
				"Pupils in grades 1 to 3 with hearing loss", "A speech therapist, eight older pupils",
				"Two 20-minute sessions a week", "No cost", "Picture books from the library",
				"The pupils read more fluently at the end of the term, and their buddies learnt some sign language.");
		log.info("Demo data: practices written");
	}

	private void write(String region, String language, String title, String problem, Set<BarrierGroup> barriers,
			Set<SenCategory> categories, String whatDone, String forWhom, String staff, String time, String cost,
			String materials, String results) {
		Organisation school = first(OrganisationType.GENERAL_SCHOOL, region);
		Organisation centre = first(OrganisationType.RESOURCE_CENTRE, region);
		if (school == null || centre == null) {
			return;
		}
		Actor author = author(school);
		long id = practices.create(author, new PracticeDraft(language, title, problem, barriers, categories, whatDone,
				forWhom, staff, time, cost, materials, results));
		practices.submit(author, id, 0);
		practices.publish(moderator(centre), id, 1);
	}

	private void writeSeminar(Organisation school) {
		Organisation pmpc = first(OrganisationType.PMPC, "KZ-61");
		if (pmpc == null) {
			return;
		}
		Actor centre = new Actor(0, BY, "Demo specialist", Role.PMPC_SPECIALIST, new DataScope(pmpc.path()));
		long id = seminars.create(centre, new SeminarDraft(SeminarKind.SEMINAR,
				"Аутизмі бар балаларды сыныпқа қосу: көрнекі құралдар", LocalDate.now(clock).minusDays(40), 6, true));
		List<Long> teachers = training.staffInPost(centre, new DataScope("/KZ/KZ-61/"), school.code())
			.stream()
			.filter(member -> member.position() == PositionType.TEACHER)
			.limit(3)
			.map(DeliveredTraining.StaffInPost::staffId)
			.toList();
		if (!teachers.isEmpty()) {
			seminars.addParticipants(centre, id, new java.util.LinkedHashSet<>(teachers));
		}
		log.info("Demo data: a seminar with {} participants", teachers.size());
	}

	private static Actor author(Organisation school) {
		return new Actor(0, BY, "Demo coordinator", Role.SCHOOL_COORDINATOR, new DataScope(school.path()));
	}

	private static Actor moderator(Organisation centre) {
		return new Actor(0, BY, "Demo resource centre", Role.SPECIALIST, new DataScope(centre.path()));
	}

	private Organisation first(OrganisationType type, String region) {
		List<Organisation> found = organisations
			.search(new OrganisationSearch(null, type, region, OrganisationStatus.OPEN, 0, 1))
			.items();
		return found.isEmpty() ? null : found.get(0);
	}

}
