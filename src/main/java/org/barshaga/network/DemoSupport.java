package org.barshaga.network;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

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
 * Requests for help in the three demo regions, in every state, written through
 * {@link SupportRequests} as a school and a centre would, so that each is checked and
 * audited like a real one. The demo school asks the demo PMPC account's PMPC several
 * times, so that both worklists of the demo accounts have something in them. No child is
 * named: the demo has no one to give the consent to sharing on the child's behalf.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(70)
class DemoSupport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSupport.class);

	private static final String BY = "demo-data";

	private static final String DEMO_SCHOOL = "KZ-61-D08-S001";

	private static final List<String> REGIONS = List.of("KZ-61", "KZ-75", "KZ-59");

	private static final int PER_REGION = 12;

	private static final int DEMO_SCHOOL_TO_DEMO_PMPC = 10;

	private static final String[] DESCRIPTIONS = {
			"Оқушы сабақта жиі ашуланып, сыныптан шығып кетеді. Мұғалім не істеу керектігін білмейді.",
			"Ученик 3 класса не пользуется речью; нужна помощь в подборе средств альтернативной коммуникации.",
			"We need advice on adapting the mathematics programme for a pupil with a learning difficulty.",
			"Нужна консультация по использованию брайлевского дисплея и программ экранного доступа.",
			"Ата-аналар баланың инклюзивті сыныпта оқуына қарсы; олармен сөйлесуге көмек керек.",
			"Просим оценить потребности ребёнка перед обращением в ПМПК.",
			"A child with autism in grade 1 finds the breaks hard; the class teacher asks how to include him." };

	private final SupportRequests requests;

	private final RequestRepository rows;

	private final Organisations organisations;

	private final Clock clock;

	DemoSupport(SupportRequests requests, RequestRepository rows, Organisations organisations, Clock clock) {
		this.requests = requests;
		this.rows = rows;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (rows.count() > 0) {
			return;
		}
		SplittableRandom random = new SplittableRandom(17);
		LocalDate today = LocalDate.now(clock);
		int written = 0;
		Organisation demoSchool = organisations.findByCode(DEMO_SCHOOL).orElse(null);
		Organisation demoPmpc = first(OrganisationType.PMPC, "KZ-61");
		if (demoSchool != null && demoPmpc != null) {
			for (int i = 0; i < DEMO_SCHOOL_TO_DEMO_PMPC; i++) {
				write(demoSchool, demoPmpc, i, random, today, true);
				written++;
			}
		}
		for (String region : REGIONS) {
			List<Organisation> centres = new ArrayList<>();
			for (OrganisationType type : Parties.CENTRE_TYPES) {
				centres.addAll(
						organisations.search(new OrganisationSearch(null, type, region, OrganisationStatus.OPEN, 0, 3))
							.items());
			}
			List<Organisation> schools = organisations
				.search(new OrganisationSearch(null, OrganisationType.GENERAL_SCHOOL, region, OrganisationStatus.OPEN,
						0, OrganisationSearch.MAX_PAGE_SIZE))
				.items();
			if (centres.isEmpty() || schools.isEmpty()) {
				continue;
			}
			for (int i = 0; i < PER_REGION; i++) {
				Organisation school = schools.get(random.nextInt(schools.size()));
				write(school, centres.get(random.nextInt(centres.size())), i, random, today, false);
				written++;
			}
		}
		log.info("Demo data: {} requests for help in {} regions", written, REGIONS.size());
	}

	private Organisation first(OrganisationType type, String region) {
		List<Organisation> found = organisations.search(new OrganisationSearch(null, type, region, null, 0, 1)).items();
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * One request, taken as far as its place in the series says: every fifth stays
	 * submitted, the others are accepted (some after their ten school days), scheduled,
	 * recorded and confirmed in turn, as far as the dates allow by today.
	 * @param complete whether each request is old enough to reach its step (the demo
	 * school's, so that its pages show every state)
	 */
	private void write(Organisation school, Organisation centre, int index, SplittableRandom random, LocalDate today,
			boolean complete) {
		Actor asker = new Actor(0, BY, "Demo coordinator", Role.SCHOOL_COORDINATOR, new DataScope(school.path()));
		Actor answerer = new Actor(0, BY, "Demo specialist",
				centre.type() == OrganisationType.PMPC ? Role.PMPC_SPECIALIST : Role.SPECIALIST,
				new DataScope(centre.path()));
		SupportTopic topic = SupportTopic.values()[random.nextInt(SupportTopic.values().length)];
		Set<SenCategory> categories = EnumSet.of(SenCategory.values()[random.nextInt(SenCategory.values().length)]);
		Urgency urgency = Urgency.values()[random.nextInt(Urgency.values().length)];
		int steps = index % 5;
		int age = steps == 0 ? 1 + random.nextInt(8) : (complete ? 45 : 3) + random.nextInt(100);
		LocalDate submitted = today.minusDays(age);
		long id = requests.submit(asker,
				new RequestDraft(centre.code(), topic, categories, null, urgency,
						DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)]),
				submitted.atTime(9, 30).toInstant(ZoneOffset.UTC));
		LocalDate accepted = submitted.plusDays(1 + random.nextInt(20));
		if (steps == 0 || accepted.isAfter(today)) {
			return;
		}
		requests.accept(answerer, id, 0, accepted);
		LocalDate consultation = accepted.plusDays(2 + random.nextInt(14));
		if (steps == 1 || consultation.isAfter(today.plusDays(14))) {
			return;
		}
		ConsultationMode mode = ConsultationMode.values()[random.nextInt(ConsultationMode.values().length)];
		requests.schedule(answerer, id, 1, mode, consultation, accepted);
		if (steps == 2 || consultation.isAfter(today)) {
			return;
		}
		boolean followUp = random.nextInt(2) == 0;
		LocalDate followUpOn = consultation.plusDays(10 + random.nextInt(40));
		requests.close(answerer, id, 2, "Консультация өтті: сабақ бақыланып, мұғалімге ұсыныстар берілді.",
				followUp ? "Повторный визит, чтобы посмотреть, как работают рекомендации." : null,
				followUp ? followUpOn : null, consultation);
		LocalDate confirmed = consultation.plusDays(1 + random.nextInt(7));
		if (steps == 3 || confirmed.isAfter(today)) {
			return;
		}
		requests.confirm(asker, id, 3, random.nextInt(5) > 0, null, confirmed);
	}

}
