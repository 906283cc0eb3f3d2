package org.barshaga.identity;

import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded addresses are believed only from the proxies named in configuration, and from
 * nobody by default (private addresses included).
 */
class TrustedProxiesTests {

	@Test
	void byDefaultNoForwardedHeaderIsRead() {
		assertThat(new TrustedProxies(List.of()).valve()).isEmpty();
		assertThat(new TrustedProxies(List.of(" ")).valve()).isEmpty();
	}

	@Test
	void onlyTheNamedProxiesAreTrusted() {
		RemoteIpValve valve = new TrustedProxies(List.of("10.0.0.5", " 192.168.1.20")).valve().orElseThrow();
		String proxies = valve.getInternalProxies();
		assertThat("10.0.0.5".matches(proxies)).isTrue();
		assertThat("192.168.1.20".matches(proxies)).isTrue();
		assertThat("10.0.0.6".matches(proxies)).isFalse();
		assertThat("10.0.0.50".matches(proxies)).isFalse();
		assertThat("192.168.1.2".matches(proxies)).isFalse();
		assertThat("127.0.0.1".matches(proxies)).isFalse();
		assertThat(valve.getTrustedProxies()).isNull();
	}

}
