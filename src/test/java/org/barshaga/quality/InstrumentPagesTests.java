package org.barshaga.quality;

import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The instrument pages in the user's language, with the easy-read version one link away.
 */
@BarshagaTest
class InstrumentPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theCatalogueLinksEveryVersionAndTheMenuShowsItToThoseWhoMonitor() throws Exception {
		mvc.perform(get("/quality/instruments?lang=ru").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Анкета для родителей детей с особыми образовательными потребностями")))
			.andExpect(content().string(containsString("href=\"/quality/instruments/PARENT_SEN/versions/1\"")))
			.andExpect(content().string(containsString("Версия 1 (опубликована)")))
			.andExpect(content().string(containsString("Инструменты качества")));
		mvc.perform(get("/?lang=en").with(as(Demo.RESEARCHER)))
			.andExpect(content().string(containsString("Quality instruments")));
		mvc.perform(get("/?lang=en").with(as(Demo.SPECIALIST)))
			.andExpect(content().string(not(containsString("Quality instruments"))));
	}

	@Test
	void aVersionShowsItsItemsAndScalesAndItsEasyReadVersion() throws Exception {
		mvc.perform(get("/quality/instruments/PUPIL_VOICE/versions/1?lang=kk").with(as(Demo.MINISTRY)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Мектепке келгенде қуанамын.")))
			.andExpect(content().string(not(containsString("Мен мектепті жақсы көремін."))))
			.andExpect(
					content().string(containsString("href=\"/quality/instruments/PUPIL_VOICE/versions/1?easy=true\"")))
			.andExpect(content().string(containsString("BL_1, BL_2, BL_3, BL_4")))
			.andExpect(content().string(containsString("4 ішінен 4")));
		mvc.perform(get("/quality/instruments/PUPIL_VOICE/versions/1?easy=true&lang=en").with(as(Demo.MINISTRY)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("I like going to school.")))
			.andExpect(content().string(containsString("This is the easy-read version.")))
			.andExpect(content().string(containsString("Show the standard version")));
		mvc.perform(get("/quality/instruments/TEACHER_EFFICACY/versions/1?lang=en").with(as(Demo.MINISTRY)))
			.andExpect(content().string(containsString("I can adapt a task to each pupil&#39;s level.")))
			.andExpect(content().string(containsString("6 points")))
			.andExpect(content().string(containsString("Asked only when the answer to TRAINED is 1.")))
			.andExpect(content().string(containsString("AT_3, AT_4")))
			.andExpect(content().string(not(containsString("easy-read"))));
		mvc.perform(get("/quality/instruments/NO_SUCH/versions/1").with(as(Demo.MINISTRY)))
			.andExpect(status().isNotFound());
	}

}
