package org.barshaga.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.barshaga.kernel.SpreadsheetCells;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The published practices as open data, for anyone: what each is about and where it comes
 * from, never its free text, so nothing a moderator missed about a child leaves Barshaga
 * this way. The practices themselves are read by signed-in users.
 */
@Controller
class PracticeOpenData {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	PracticeOpenData(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@GetMapping("/open-data/practices.csv")
	ResponseEntity<byte[]> csv(Locale locale) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord("id", "published_on", "language", "title", "organisation", "organisation_name", "region",
					"barrier_groups", "sen_categories", "schools_tried");
			jdbc.sql("""
					SELECT p.id, p.published_on, p.language, p.title, p.path, p.barriers, p.sen_categories, o.code,
						o.name_kk, o.name_ru, o.name_en,
						(SELECT COUNT(*) FROM practice_trial t WHERE t.practice_id = p.id) AS trials
					FROM practice p JOIN organisation o ON o.id = p.organisation_id
					WHERE p.status = 'PUBLISHED' ORDER BY p.id""").query((java.sql.ResultSet rs) -> {
				String name = switch (locale.getLanguage()) {
					case "ru" -> rs.getString("name_ru");
					case "en" -> rs.getString("name_en");
					default -> rs.getString("name_kk");
				};
				csv.writeRecord(
						Stream
							.of(String.valueOf(rs.getLong("id")), String.valueOf(rs.getDate("published_on")),
									rs.getString("language"), rs.getString("title"), rs.getString("code"), name,
									Parties.regionCode(rs.getString("path")),
									labels(BarrierGroup.class, rs.getString("barriers"), locale),
									labels(org.barshaga.learner.SenCategory.class, rs.getString("sen_categories"),
											locale),
									String.valueOf(rs.getLong("trials")))
							.map(SpreadsheetCells::neutralised)
							.toList());
			});
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("practices.csv").build().toString())
			.body(bytes.toByteArray());
	}

	private <E extends Enum<E> & org.barshaga.kernel.Coded> String labels(Class<E> type, String codes, Locale locale) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		return Stream.of(codes.split(","))
			.map(code -> messages.getMessage(Enum.valueOf(type, code).messageKey(), null, code, locale))
			.collect(Collectors.joining("; "));
	}

}
