package org.barshaga.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The SMTP port of the shared test context, free when the JVM first asks for it. A fixed
 * port clashed when two suites ran at once on one machine (CI runs H2 and PostgreSQL side
 * by side): the second GreenMail could not bind. With nothing listening on the port, a
 * notice's e-mail is logged as not sent; the tests of e-mail start GreenMail on it.
 */
public final class SmtpPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final int PORT = freePort();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("barshaga-test-smtp", Map.of("spring.mail.port", PORT)));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
