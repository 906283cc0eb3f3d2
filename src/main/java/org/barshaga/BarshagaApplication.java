package org.barshaga;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Starts the web application, or runs one data job when the first argument names a
 * command (for example {@code java -jar barshaga.jar create-admin --username ...}). A
 * command asked for its help ({@code --help}, {@code -h}) answers it without starting.
 */
@SpringBootApplication
public class BarshagaApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		if (CommandHelp.asked(args)) {
			System.exit(CommandHelp.print(args, System.out));
		}
		SpringApplication application = new SpringApplication(BarshagaApplication.class);
		if (args.length > 0 && !args[0].startsWith("-")) {
			application.setWebApplicationType(WebApplicationType.NONE);
			application.setAdditionalProfiles("cli");
			application.setLogStartupInfo(false);
			if (args[0].equals("backup")) {
				application.setDefaultProperties(Map.of("barshaga.close-stopped-runs", "false"));
			}
			if (args[0].equals("restore")) {
				// the dump brings its own schema and Flyway history; migrating first
				// would fill the empty database the restore needs
				application.setDefaultProperties(
						Map.of("spring.flyway.enabled", "false", "barshaga.close-stopped-runs", "false"));
			}
			int exitCode = SpringApplication.exit(application.run(args));
			System.exit(exitCode);
		}
		application.run(args);
	}

}
