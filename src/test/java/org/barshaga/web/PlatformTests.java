package org.barshaga.web;

import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.RESEARCHER;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Headers, languages, health and API description: what every page and client relies on.
 */
@BarshagaTest
class PlatformTests {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesCarryAStrictContentSecurityPolicyWithoutInlineScript() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("script-src 'self'"), containsString("frame-ancestors 'none'"),
							not(containsString("unsafe-inline")), not(containsString("unsafe-eval")))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		mvc.perform(get("/").with(as(RESEARCHER)))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString("style=\""))));
	}

	@Test
	void theLanguageFollowsTheBrowserThenTheSwitcherAndDefaultsToKazakh() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("<html lang=\"kk\">")));
		mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9"))
			.andExpect(content().string(containsString("<html lang=\"kk\">")));
		mvc.perform(get("/login").header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"))
			.andExpect(content().string(allOf(containsString("<html lang=\"ru\">"), containsString("Вход"))));
		mvc.perform(get("/login").param("lang", "en").header("Accept-Language", "ru"))
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(header().string("Set-Cookie", containsString("barshaga-lang=en")));
		mvc.perform(get("/login").param("lang", "xx")).andExpect(status().isOk());
	}

	@Test
	void healthIsPublicAndMetricsAreForAdministrators() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus").with(as(RESEARCHER))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(as(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
	}

	@Test
	void theApiIsDescribedByOpenApi() throws Exception {
		mvc.perform(get("/api/openapi").accept(MediaType.APPLICATION_JSON)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/openapi").with(org.barshaga.support.Demo.as(org.barshaga.support.Demo.MINISTRY))
			.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/organisations'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/org-units/{code}/children'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/organisations'].get.parameters[?(@.name == 'actor')]").isEmpty());
		mvc.perform(get("/api/docs").with(org.barshaga.support.Demo.as(org.barshaga.support.Demo.MINISTRY)))
			.andExpect(status().is3xxRedirection());
	}

}
