package org.barshaga.quality;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Codes and submitted responses. Nothing written for a response names the code or the
 * account it came with: the code's row only counts how often it was used.
 */
@Repository
class ResponseRepository {

	record CodeRow(String hash, long round, long school, CodeKind kind, int capacity, int used, String draft) {

		boolean spent() {
			return used >= capacity;
		}

	}

	record Place(String path, String settlement) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	ResponseRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<CodeRow> code(String hash) {
		return jdbc.sql("""
				SELECT code_hash, round_id, organisation_id, kind, capacity, used, draft FROM quality_code
				WHERE code_hash = :hash""")
			.param("hash", hash)
			.query((rs, row) -> new CodeRow(rs.getString(1), rs.getLong(2), rs.getLong(3),
					CodeKind.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getString(7)))
			.optional();
	}

	boolean saveDraft(String hash, String draft) {
		return jdbc.sql("""
				UPDATE quality_code SET draft = :draft
				WHERE code_hash = :hash AND kind = 'PERSONAL' AND used < capacity""")
			.param("draft", draft)
			.param("hash", hash)
			.update() == 1;
	}

	/** Uses the code once; false when it has no use left (spent meanwhile). */
	boolean spend(String hash) {
		return jdbc.sql("""
				UPDATE quality_code SET used = used + 1, draft = NULL
				WHERE code_hash = :hash AND used < capacity""").param("hash", hash).update() == 1;
	}

	Optional<Place> place(long round, long school) {
		return jdbc
			.sql("""
					SELECT path, settlement FROM quality_round_school WHERE round_id = :round AND organisation_id = :school""")
			.param("round", round)
			.param("school", school)
			.query((rs, row) -> new Place(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/** Marks that an account has answered the round; false when it already had. */
	boolean answeredBy(long round, long user) {
		try {
			jdbc.sql("INSERT INTO quality_account_answer (round_id, user_id) VALUES (:round, :user)")
				.param("round", round)
				.param("user", user)
				.update();
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}

	long insert(long round, long school, Place place, Boolean sen, LocalDate day, ResponseReader.Read read,
			Map<String, ScaleScore> scores) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quality_response (round_id, organisation_id, path, settlement, sen, submitted_on)
				VALUES (:round, :school, :path, :settlement, :sen, :day)""")
			.param("round", round)
			.param("school", school)
			.param("path", place.path())
			.param("settlement", place.settlement())
			.param("sen", sen)
			.param("day", Date.valueOf(day))
			.update(key, "id");
		long id = key.getKey().longValue();
		List<Object[]> answers = new ArrayList<>();
		read.answers().forEach((item, answer) -> {
			List<BigDecimal> chosen = read.choices().get(item);
			if (chosen != null) {
				chosen.forEach(v -> answers.add(new Object[] { id, round, item, v, Answer.Kind.VALUE.name() }));
			}
			else {
				answers.add(new Object[] { id, round, item, answer.value(), answer.kind().name() });
			}
		});
		batch.batchUpdate("""
				INSERT INTO quality_response_answer (response_id, round_id, item_code, answer_value, kind)
				VALUES (?, ?, ?, ?, ?)""", answers);
		List<Object[]> scales = new ArrayList<>();
		scores.forEach((scale, score) -> scales.add(new Object[] { id, round, school, scale, score.answered(),
				score.valid() ? score.score() : null, sen }));
		batch.batchUpdate("""
				INSERT INTO quality_response_scale (response_id, round_id, organisation_id, scale_code, answered, score,
					sen) VALUES (?, ?, ?, ?, ?, ?, ?)""", scales);
		List<Object[]> texts = new ArrayList<>();
		read.texts()
			.forEach(
					(item, text) -> texts.add(new Object[] { id, round, school, place.path(), item, text, "PENDING" }));
		if (!texts.isEmpty()) {
			batch.batchUpdate(
					"""
							INSERT INTO quality_response_text (response_id, round_id, organisation_id, path, item_code, original,
								status) VALUES (?, ?, ?, ?, ?, ?, ?)""",
					texts);
		}
		return id;
	}

}
