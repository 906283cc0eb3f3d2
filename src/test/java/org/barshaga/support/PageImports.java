package org.barshaga.support;

import java.nio.charset.StandardCharsets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A CSV file uploaded on the exchange page, as a person does, and the run it started once
 * it is over: the import runs on its own thread, so the test waits for its record.
 */
public final class PageImports {

	private PageImports() {
	}

	/** The id of the finished run of the upload. */
	public static long upload(MockMvc mvc, JdbcClient jdbc, String user, String register, String text, String mode)
			throws Exception {
		MvcResult result = mvc
			.perform(multipart("/exchange/imports")
				.file(new MockMultipartFile("file", register + ".csv", "text/csv",
						text.getBytes(StandardCharsets.UTF_8)))
				.param("register", register)
				.param("mode", mode)
				.with(Demo.as(user))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long run = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		for (int i = 0; i < 300; i++) {
			if (!runStatus(jdbc, run).equals("RUNNING")) {
				return run;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The import did not finish");
	}

	public static String runStatus(JdbcClient jdbc, long run) {
		return jdbc.sql("SELECT status FROM import_run WHERE id = ?").param(run).query(String.class).single();
	}

}
