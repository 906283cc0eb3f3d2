package org.barshaga.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationSearch;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo accounts, created with the demo data on an empty database: one per kind of
 * user, sharing one password taken from {@code BARSHAGA_DEMO_PASSWORD}, or generated and
 * printed once.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(20)
class DemoAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** A demo account, bound to a unit, or (unit null) to the demo school or a PMPC. */
	private record Demo(String username, String fullName, Role role, String unit) {
	}

	private static final List<Demo> ACCOUNTS = List.of(new Demo("admin", "Demo Administrator", Role.ADMIN, "KZ"),
			new Demo("ministry", "Айгүл Серікқызы (Ministry)", Role.MINISTRY, "KZ"),
			new Demo("region.turkistan", "Ерлан Жұмабеков (Turkistan Region)", Role.REGION_OFFICER, "KZ-61"),
			new Demo("district.saryagash", "Гүлнар Әбдірахманова (Saryagash District)", Role.DISTRICT_OFFICER,
					"KZ-61-D08"),
			new Demo("school.demo", "Динара Оспанова (school coordinator)", Role.SCHOOL_COORDINATOR, null),
			new Demo("specialist.demo", "Асель Нурланова (speech therapist)", Role.SPECIALIST, null),
			new Demo("pmpc.turkistan", "Бауыржан Қасымов (PMPC)", Role.PMPC_SPECIALIST, null),
			new Demo("researcher", "Demo Researcher", Role.RESEARCHER, "KZ"));

	private final UserRepository users;

	private final AdminUnits units;

	private final Organisations organisations;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String configuredPassword;

	DemoAccounts(UserRepository users, AdminUnits units, Organisations organisations, PasswordEncoder passwords,
			JdbcClient jdbc, Clock clock, @Value("${barshaga.demo.password:}") String configuredPassword) {
		this.users = users;
		this.units = units;
		this.organisations = organisations;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.clock = clock;
		this.configuredPassword = configuredPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() > 0) {
			return;
		}
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? generatePassword() : configuredPassword;
		String hash = passwords.encode(password);
		Organisation school = organisations
			.search(new OrganisationSearch(null, OrganisationType.GENERAL_SCHOOL, "KZ-61-D08", null, 0, 1))
			.items()
			.get(0);
		Instant now = Instant.now(clock);
		for (Demo demo : ACCOUNTS) {
			UserRepository.Place place;
			if (demo.role() == Role.PMPC_SPECIALIST) {
				Organisation pmpc = organisations
					.search(new OrganisationSearch(null, OrganisationType.PMPC, "KZ-61", null, 0, 1))
					.items()
					.get(0);
				place = new UserRepository.Place(null, pmpc.id(), pmpc.path());
			}
			else if (demo.unit() == null) {
				place = new UserRepository.Place(null, school.id(), school.path());
			}
			else {
				OrgUnit unit = units.get(demo.unit());
				place = new UserRepository.Place(unit.code(), null, unit.path());
			}
			users.insert(
					new UserRepository.NewUser(demo.username(), demo.fullName(), null, hash, demo.role(), place, true),
					"demo-data", now);
		}
		String banner = """

				================================================================
				 Barshaga demo accounts: %s
				 Password: %s
				 %s
				================================================================
				""".formatted(String.join(", ", ACCOUNTS.stream().map(Demo::username).toList()),
				generated ? password : "(from BARSHAGA_DEMO_PASSWORD)",
				generated ? "Shown only this once. Delete ./data to start again." : "");
		System.out.println(banner);
		log.info("Demo accounts created in scope {}", DataScope.NATION.pathPrefix());
	}

	private static String generatePassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				password.append('-');
			}
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
