package org.barshaga.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The instrument tables: a version is written whole and read whole. */
@Repository
class InstrumentRepository {

	private final JdbcClient jdbc;

	InstrumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<VersionStatus> status(String code, int version) {
		return jdbc
			.sql("SELECT status FROM quality_instrument_version WHERE instrument_code = :code AND version = :version")
			.param("code", code)
			.param("version", version)
			.query(String.class)
			.optional()
			.map(VersionStatus::valueOf);
	}

	/** Removes a draft with all it holds; a published version is left alone. */
	int deleteDraft(String code, int version) {
		return jdbc.sql("""
				DELETE FROM quality_instrument_version
				WHERE instrument_code = :code AND version = :version AND status = 'DRAFT'""")
			.param("code", code)
			.param("version", version)
			.update();
	}

	int publish(String code, int version, Instant at) {
		return jdbc.sql("""
				UPDATE quality_instrument_version SET status = 'PUBLISHED', published_at = :at
				WHERE instrument_code = :code AND version = :version AND status = 'DRAFT'""")
			.param("code", code)
			.param("version", version)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertDraft(InstrumentVersion draft, Instant at) {
		int known = jdbc.sql("""
				UPDATE quality_instrument SET respondent = :respondent, name_kk = :kk, name_ru = :ru, name_en = :en
				WHERE code = :code""")
			.param("code", draft.code())
			.param("respondent", draft.respondent().name())
			.params(names("", draft.name()))
			.update();
		if (known == 0) {
			jdbc.sql("""
					INSERT INTO quality_instrument (code, respondent, name_kk, name_ru, name_en)
					VALUES (:code, :respondent, :kk, :ru, :en)""")
				.param("code", draft.code())
				.param("respondent", draft.respondent().name())
				.params(names("", draft.name()))
				.update();
		}
		long versionId = insert("""
				INSERT INTO quality_instrument_version (instrument_code, version, status, intro_kk, intro_ru, intro_en,
					easy_intro_kk, easy_intro_ru, easy_intro_en, created_at)
				VALUES (:code, :version, 'DRAFT', :kk, :ru, :en, :easyKk, :easyRu, :easyEn, :at)""",
				texts(draft.intro()),
				Map.of("code", draft.code(), "version", draft.version(), "at", Timestamp.from(at)));
		Map<String, Long> itemIds = new HashMap<>();
		int sectionPosition = 0;
		for (Section section : draft.sections()) {
			long sectionId = insert("""
					INSERT INTO quality_section (version_id, code, position, title_kk, title_ru, title_en, easy_kk,
						easy_ru, easy_en)
					VALUES (:versionId, :code, :position, :kk, :ru, :en, :easyKk, :easyRu, :easyEn)""",
					texts(section.title()),
					Map.of("versionId", versionId, "code", section.code(), "position", ++sectionPosition));
			int itemPosition = 0;
			for (Item item : section.items()) {
				itemIds.put(item.code(), insertItem(versionId, sectionId, ++itemPosition, item));
			}
		}
		int scalePosition = 0;
		for (Scale scale : draft.scales()) {
			Map<String, Object> params = new HashMap<>(names("", scale.name()));
			params.putAll(Map.of("versionId", versionId, "code", scale.code(), "position", ++scalePosition, "minimum",
					scale.minAnswered()));
			long scaleId = insert("""
					INSERT INTO quality_scale (version_id, code, position, min_answered, name_kk, name_ru, name_en)
					VALUES (:versionId, :code, :position, :minimum, :kk, :ru, :en)""", Map.of(), params);
			int position = 0;
			for (String item : scale.items()) {
				jdbc.sql("""
						INSERT INTO quality_scale_item (scale_id, item_id, position, reversed)
						VALUES (:scale, :item, :position, :reversed)""")
					.param("scale", scaleId)
					.param("item", itemIds.get(item))
					.param("position", ++position)
					.param("reversed", scale.isReversed(item))
					.update();
			}
		}
	}

	private long insertItem(long versionId, long sectionId, int position, Item item) {
		Map<String, Object> params = new HashMap<>();
		params.put("versionId", versionId);
		params.put("sectionId", sectionId);
		params.put("code", item.code());
		params.put("position", position);
		params.put("type", item.type().name());
		params.put("points", item.points());
		params.put("minNumber", item.minNumber());
		params.put("maxNumber", item.maxNumber());
		params.put("dontKnow", item.allowsDontKnow());
		params.put("notApplicable", item.allowsNotApplicable());
		params.put("shownWhen", item.shownWhenItem());
		long itemId = insert("""
				INSERT INTO quality_item (version_id, section_id, code, position, item_type, points, min_number,
					max_number, allows_dont_know, allows_not_applicable, shown_when_item, text_kk, text_ru, text_en,
					easy_kk, easy_ru, easy_en)
				VALUES (:versionId, :sectionId, :code, :position, :type, :points, :minNumber, :maxNumber, :dontKnow,
					:notApplicable, :shownWhen, :kk, :ru, :en, :easyKk, :easyRu, :easyEn)""", texts(item.text()),
				params);
		for (BigDecimal value : item.shownWhenValues()) {
			jdbc.sql("INSERT INTO quality_item_shown_value (item_id, option_value) VALUES (:item, :value)")
				.param("item", itemId)
				.param("value", value)
				.update();
		}
		int optionPosition = 0;
		for (Option option : item.options()) {
			Map<String, Object> optionParams = new HashMap<>(texts(option.label()));
			optionParams.put("item", itemId);
			optionParams.put("value", option.value());
			optionParams.put("position", ++optionPosition);
			optionParams.put("picture", option.picture());
			jdbc.sql("""
					INSERT INTO quality_option (item_id, option_value, position, picture, label_kk, label_ru, label_en,
						easy_kk, easy_ru, easy_en)
					VALUES (:item, :value, :position, :picture, :kk, :ru, :en, :easyKk, :easyRu, :easyEn)""")
				.params(optionParams)
				.update();
		}
		return itemId;
	}

	private long insert(String sql, Map<String, Object> texts, Map<String, Object> params) {
		Map<String, Object> all = new HashMap<>(texts);
		all.putAll(params);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(all).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private static Map<String, Object> names(String prefix, LocalizedName name) {
		Map<String, Object> params = new HashMap<>();
		params.put(prefix + "kk", name == null ? null : name.kk());
		params.put(prefix + "ru", name == null ? null : name.ru());
		params.put(prefix + "en", name == null ? null : name.en());
		return params;
	}

	private static Map<String, Object> texts(Texts texts) {
		Map<String, Object> params = new HashMap<>(names("", texts.text()));
		LocalizedName easy = texts.easyRead();
		params.put("easyKk", easy == null ? null : easy.kk());
		params.put("easyRu", easy == null ? null : easy.ru());
		params.put("easyEn", easy == null ? null : easy.en());
		return params;
	}

	List<Instrument> catalogue() {
		Map<String, List<Instrument.Version>> versions = new HashMap<>();
		jdbc.sql("""
				SELECT instrument_code, version, status, published_at FROM quality_instrument_version
				ORDER BY instrument_code, version""")
			.query((rs, row) -> versions.computeIfAbsent(rs.getString("instrument_code"), c -> new ArrayList<>())
				.add(new Instrument.Version(rs.getInt("version"), VersionStatus.valueOf(rs.getString("status")),
						instant(rs.getTimestamp("published_at")))))
			.list();
		return jdbc.sql("SELECT code, respondent, name_kk, name_ru, name_en FROM quality_instrument ORDER BY code")
			.query((rs, row) -> new Instrument(rs.getString("code"), Respondent.valueOf(rs.getString("respondent")),
					name(rs, "name_"), versions.getOrDefault(rs.getString("code"), List.of())))
			.list();
	}

	Optional<InstrumentVersion> find(String code, int version) {
		record Head(long id, VersionStatus status, Respondent respondent, LocalizedName name, Texts intro) {
		}
		Optional<Head> head = jdbc.sql("""
				SELECT v.id, v.status, i.respondent, i.name_kk, i.name_ru, i.name_en, v.intro_kk, v.intro_ru,
					v.intro_en, v.easy_intro_kk, v.easy_intro_ru, v.easy_intro_en
				FROM quality_instrument_version v JOIN quality_instrument i ON i.code = v.instrument_code
				WHERE v.instrument_code = :code AND v.version = :version""")
			.param("code", code)
			.param("version", version)
			.query((rs, row) -> new Head(rs.getLong("id"), VersionStatus.valueOf(rs.getString("status")),
					Respondent.valueOf(rs.getString("respondent")), name(rs, "name_"),
					new Texts(name(rs, "intro_"), optionalName(rs, "easy_intro_"))))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		long versionId = head.get().id();
		return Optional.of(new InstrumentVersion(code, version, head.get().status(), head.get().respondent(),
				head.get().name(), head.get().intro(), sections(versionId), scales(versionId)));
	}

	private List<Section> sections(long versionId) {
		Map<Long, List<Option>> options = new HashMap<>();
		jdbc.sql("""
				SELECT o.item_id, o.option_value, o.picture, o.label_kk, o.label_ru, o.label_en, o.easy_kk, o.easy_ru,
					o.easy_en
				FROM quality_option o JOIN quality_item i ON i.id = o.item_id
				WHERE i.version_id = :versionId ORDER BY o.item_id, o.position""")
			.param("versionId", versionId)
			.query((rs, row) -> options.computeIfAbsent(rs.getLong("item_id"), id -> new ArrayList<>())
				.add(new Option(rs.getBigDecimal("option_value"), rs.getString("picture"),
						new Texts(name(rs, "label_"), optionalName(rs, "easy_")))))
			.list();
		Map<Long, List<BigDecimal>> shownValues = new HashMap<>();
		jdbc.sql("""
				SELECT s.item_id, s.option_value FROM quality_item_shown_value s JOIN quality_item i ON i.id = s.item_id
				WHERE i.version_id = :versionId ORDER BY s.item_id, s.option_value""")
			.param("versionId", versionId)
			.query((rs, row) -> shownValues.computeIfAbsent(rs.getLong("item_id"), id -> new ArrayList<>())
				.add(rs.getBigDecimal("option_value")))
			.list();
		Map<Long, List<Item>> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, section_id, code, item_type, min_number, max_number, allows_dont_know,
					allows_not_applicable, shown_when_item, text_kk, text_ru, text_en, easy_kk, easy_ru, easy_en
				FROM quality_item WHERE version_id = :versionId ORDER BY section_id, position""")
			.param("versionId", versionId)
			.query((rs, row) -> items.computeIfAbsent(rs.getLong("section_id"), id -> new ArrayList<>())
				.add(new Item(rs.getString("code"), ItemType.valueOf(rs.getString("item_type")),
						new Texts(name(rs, "text_"), optionalName(rs, "easy_")),
						options.getOrDefault(rs.getLong("id"), List.of()), rs.getBoolean("allows_dont_know"),
						rs.getBoolean("allows_not_applicable"), rs.getString("shown_when_item"),
						shownValues.getOrDefault(rs.getLong("id"), List.of()), rs.getBigDecimal("min_number"),
						rs.getBigDecimal("max_number"))))
			.list();
		return jdbc.sql("""
				SELECT id, code, title_kk, title_ru, title_en, easy_kk, easy_ru, easy_en
				FROM quality_section WHERE version_id = :versionId ORDER BY position""")
			.param("versionId", versionId)
			.query((rs, row) -> new Section(rs.getString("code"),
					new Texts(name(rs, "title_"), optionalName(rs, "easy_")),
					items.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private List<Scale> scales(long versionId) {
		record Member(long scaleId, String item, boolean reversed) {
		}
		List<Member> members = jdbc.sql("""
				SELECT si.scale_id, i.code, si.reversed FROM quality_scale_item si
				JOIN quality_scale s ON s.id = si.scale_id JOIN quality_item i ON i.id = si.item_id
				WHERE s.version_id = :versionId ORDER BY si.scale_id, si.position""")
			.param("versionId", versionId)
			.query((rs, row) -> new Member(rs.getLong("scale_id"), rs.getString("code"), rs.getBoolean("reversed")))
			.list();
		return jdbc.sql("""
				SELECT id, code, min_answered, name_kk, name_ru, name_en FROM quality_scale
				WHERE version_id = :versionId ORDER BY position""").param("versionId", versionId).query((rs, row) -> {
			long id = rs.getLong("id");
			List<Member> mine = members.stream().filter(m -> m.scaleId() == id).toList();
			return new Scale(rs.getString("code"), name(rs, "name_"), mine.stream().map(Member::item).toList(),
					mine.stream().filter(Member::reversed).map(Member::item).toList(), rs.getInt("min_answered"));
		}).list();
	}

	private static LocalizedName name(ResultSet rs, String prefix) throws SQLException {
		return new LocalizedName(rs.getString(prefix + "kk"), rs.getString(prefix + "ru"), rs.getString(prefix + "en"));
	}

	private static LocalizedName optionalName(ResultSet rs, String prefix) throws SQLException {
		return rs.getString(prefix + "kk") == null ? null : name(rs, prefix);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
