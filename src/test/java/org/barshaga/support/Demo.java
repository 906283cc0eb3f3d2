package org.barshaga.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The demo accounts, signed in over HTTP Basic as an API client would. */
public final class Demo {

	public static final String ADMIN = "admin";

	public static final String MINISTRY = "ministry";

	public static final String REGION_TURKISTAN = "region.turkistan";

	public static final String DISTRICT_SARYAGASH = "district.saryagash";

	public static final String SCHOOL = "school.demo";

	public static final String RESEARCHER = "researcher";

	/** A speech therapist of the demo school. */
	public static final String SPECIALIST = "specialist.demo";

	/** A specialist of a PMPC in Turkistan region. */
	public static final String PMPC = "pmpc.turkistan";

	public static final String[] ALL = { ADMIN, MINISTRY, REGION_TURKISTAN, DISTRICT_SARYAGASH, SCHOOL, SPECIALIST,
			PMPC, RESEARCHER };

	private Demo() {
	}

	public static RequestPostProcessor as(String username) {
		return httpBasic(username, BarshagaTest.DEMO_PASSWORD);
	}

	public static RequestPostProcessor basic(String username, String password) {
		return httpBasic(username, password);
	}

}
