package org.barshaga.identity;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The client's address comes from {@code X-Forwarded-For} only when the request arrives
 * from a proxy named in {@code barshaga.trusted-proxies} (exact addresses, comma
 * separated; empty by default, so the header is ignored). The address is what the audit
 * log records and what the sign-in brakes count, so believing the header from anyone
 * would let a caller write any address into the log and slip past the brakes by changing
 * it.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	private final List<String> proxies;

	TrustedProxies(@Value("${barshaga.trusted-proxies:}") List<String> proxies) {
		this.proxies = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		valve().ifPresent(factory::addEngineValves);
	}

	/** The valve that reads the forwarded headers, when any proxy is trusted. */
	java.util.Optional<RemoteIpValve> valve() {
		if (proxies.isEmpty()) {
			return java.util.Optional.empty();
		}
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(proxies.stream().map(Pattern::quote).collect(Collectors.joining("|")));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		return java.util.Optional.of(valve);
	}

}
