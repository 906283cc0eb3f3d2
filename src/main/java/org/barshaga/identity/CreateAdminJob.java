package org.barshaga.identity;

import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.Role;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code create-admin --username NAME [--name "Full Name"]}: the first administrator of a
 * production database. The password comes from {@code BARSHAGA_ADMIN_PASSWORD} or is
 * typed twice at the terminal; it never appears on the command line.
 */
@Component
class CreateAdminJob implements CommandLineJob {

	private final UserRepository users;

	private final AdminUnits units;

	private final PasswordEncoder passwords;

	private final Clock clock;

	CreateAdminJob(UserRepository users, AdminUnits units, PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.units = units;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "create-admin";
	}

	@Override
	public String usage() {
		return "create-admin --username NAME [--name \"Full Name\"]   (password from BARSHAGA_ADMIN_PASSWORD or typed)";
	}

	@Override
	@Transactional
	public int run(List<String> arguments, PrintStream out) {
		String username = CommandLineJob.option(arguments, "--username");
		if (username == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		username = username.strip().toLowerCase(Locale.ROOT);
		if (users.exists(username)) {
			out.println("A user named " + username + " already exists.");
			return 1;
		}
		String password = System.getenv("BARSHAGA_ADMIN_PASSWORD");
		if (password == null || password.isEmpty()) {
			Console console = System.console();
			if (console == null) {
				out.println("Set BARSHAGA_ADMIN_PASSWORD or run in a terminal to type the password.");
				return 2;
			}
			char[] first = console.readPassword("Password for %s: ", username);
			char[] second = console.readPassword("Repeat the password: ");
			if (first == null || !Arrays.equals(first, second)) {
				out.println("The two passwords differ.");
				return 1;
			}
			password = new String(first);
		}
		var problem = PasswordPolicy.check(password, username);
		if (problem.isPresent()) {
			out.println("The password is refused (" + problem.get().key()
					+ (problem.get().argument() == null ? "" : " " + problem.get().argument()) + "): at least "
					+ PasswordPolicy.MIN_LENGTH + " characters, " + PasswordPolicy.MIN_DISTINCT
					+ " different ones, not the user name and not a common password.");
			return 1;
		}
		String fullName = CommandLineJob.option(arguments, "--name") == null ? "Administrator"
				: CommandLineJob.option(arguments, "--name");
		OrgUnit country = units.get("KZ");
		users.insert(
				new UserRepository.NewUser(username, fullName, null, passwords.encode(password), Role.ADMIN,
						new UserRepository.Place(country.code(), null, country.path()), true),
				"system:create-admin", Instant.now(clock));
		out.println("Administrator " + username + " created.");
		return 0;
	}

}
