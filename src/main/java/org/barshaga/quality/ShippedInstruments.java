package org.barshaga.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.LocalizedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the instruments the product ships ({@code quality/instruments/*.json}) at
 * startup: a version not yet in the database is stored and published; a version already
 * published is left as it is, since a published version never changes (a changed file
 * must carry a new version number). Not in command-line runs, so that a restore finds an
 * empty database.
 */
@Component
@Profile("!cli")
@Order(5)
class ShippedInstruments implements ApplicationRunner {

	static final String LOCATION = "classpath:quality/instruments/*.json";

	private static final Logger log = LoggerFactory.getLogger(ShippedInstruments.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Instruments instruments;

	private final InstrumentRepository repository;

	ShippedInstruments(Instruments instruments, InstrumentRepository repository) {
		this.instruments = instruments;
		this.repository = repository;
	}

	/**
	 * An instrument file: option sets are written once and named by the items using them.
	 */
	record File(String code, int version, Respondent respondent, LocalizedName name, LocalizedName intro,
			LocalizedName easyIntro, Map<String, List<FileOption>> optionSets, List<FileSection> sections,
			List<FileScale> scales) {
	}

	record FileOption(BigDecimal value, String picture, LocalizedName label, LocalizedName easy) {
	}

	record FileSection(String code, LocalizedName title, LocalizedName easy, List<FileItem> items) {
	}

	record FileItem(String code, ItemType type, String options, LocalizedName text, LocalizedName easy,
			Boolean dontKnow, Boolean notApplicable, FileCondition shownWhen, BigDecimal min, BigDecimal max) {
	}

	record FileCondition(String item, List<BigDecimal> values) {
	}

	record FileScale(String code, LocalizedName name, List<String> items, List<String> reversed, Integer minAnswered) {
	}

	@Override
	public void run(ApplicationArguments args) {
		for (InstrumentVersion version : read()) {
			VersionStatus status = repository.status(version.code(), version.version()).orElse(null);
			if (status == VersionStatus.PUBLISHED) {
				continue;
			}
			instruments.saveDraft(version);
			instruments.publish(version.code(), version.version());
			log.info("Published the shipped instrument {} version {}", version.code(), version.version());
		}
	}

	static List<InstrumentVersion> read() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<InstrumentVersion> versions = new ArrayList<>();
			for (Resource file : files) {
				try (InputStream in = file.getInputStream()) {
					versions.add(definition(JSON.readValue(in, File.class)));
				}
			}
			return versions;
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	static InstrumentVersion definition(File file) {
		List<Section> sections = file.sections()
			.stream()
			.map(s -> new Section(s.code(), new Texts(s.title(), s.easy()),
					s.items().stream().map(i -> item(i, file)).toList()))
			.toList();
		List<Scale> scales = file.scales()
			.stream()
			.map(s -> new Scale(s.code(), s.name(), s.items(), s.reversed() == null ? List.of() : s.reversed(),
					s.minAnswered() == null ? Scale.defaultMinimum(s.items().size()) : s.minAnswered()))
			.toList();
		return new InstrumentVersion(file.code(), file.version(), VersionStatus.DRAFT, file.respondent(), file.name(),
				new Texts(file.intro(), file.easyIntro()), sections, scales);
	}

	private static Item item(FileItem item, File file) {
		List<Option> options = List.of();
		if (item.options() != null) {
			List<FileOption> set = file.optionSets().get(item.options());
			if (set == null) {
				throw new IllegalStateException(
						file.code() + ": item " + item.code() + " names the unknown option set " + item.options());
			}
			options = set.stream()
				.map(o -> new Option(o.value(), o.picture(), new Texts(o.label(), o.easy())))
				.toList();
		}
		FileCondition condition = item.shownWhen();
		return new Item(item.code(), item.type(), new Texts(item.text(), item.easy()), options,
				Boolean.TRUE.equals(item.dontKnow()), Boolean.TRUE.equals(item.notApplicable()),
				condition == null ? null : condition.item(), condition == null ? List.of() : condition.values(),
				item.min(), item.max());
	}

}
