package org.barshaga.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.barshaga.audit.AuditAction;
import org.barshaga.kernel.Role;
import org.barshaga.registry.InstructionLanguage;
import org.barshaga.registry.KatoImport;
import org.barshaga.registry.OrgUnitKind;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Ownership;
import org.barshaga.registry.Settlement;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text goes through a message key, and every key exists in Kazakh, Russian
 * and English: a template with hard-coded words, a key used but missing, or files that
 * drift apart fail here.
 */
class MessagesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path JAVA = Path.of("src/main/java");

	static final List<String> LANGUAGES = List.of("kk", "ru", "en");

	static final Pattern NO_WORDS = Pattern.compile("[\\s\\p{Punct}\\p{S}\\d·—–…›]*");

	static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

	static final Pattern JAVA_KEY = Pattern
		.compile("\"((?:validation|kato\\.error|notice|login\\.error|problem|field)\\.[A-Za-z.]+)\"(?!\\s*\\+)");

	static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label", "label");

	@Test
	void theThreeLanguagesHaveTheSameKeysAndKazakhIsTheDefault() throws IOException {
		Properties kk = load("messages_kk.properties");
		for (String language : LANGUAGES) {
			assertThat(new TreeSet<>(load("messages_" + language + ".properties").stringPropertyNames())).as(language)
				.isEqualTo(new TreeSet<>(kk.stringPropertyNames()));
		}
		assertThat(load("messages.properties")).isEqualTo(kk);
	}

	@Test
	void noMessageIsBlank() throws IOException {
		for (String language : LANGUAGES) {
			Properties messages = load("messages_" + language + ".properties");
			assertThat(messages.stringPropertyNames())
				.allSatisfy(key -> assertThat(messages.getProperty(key)).as(language + " " + key).isNotBlank());
		}
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				if (element.tagName().equals("script") || element.tagName().equals("style")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (!NO_WORDS.matcher(text.text()).matches()) {
						offences.add(template + ": text \"" + text.text().strip() + "\"");
					}
				}
				element.attributes().forEach(attribute -> {
					if (TEXT_ATTRIBUTES.contains(attribute.getKey())
							&& !NO_WORDS.matcher(attribute.getValue()).matches()) {
						offences.add(template + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
					}
				});
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			Matcher keys = STATIC_KEY.matcher(Files.readString(template));
			while (keys.find()) {
				used.add(keys.group(1));
			}
		}
		try (Stream<Path> sources = Files.walk(JAVA)) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher keys = JAVA_KEY.matcher(Files.readString(source));
				while (keys.find()) {
					// a problem key names a pair: KEY.title and KEY.detail
					used.add(keys.group(1).startsWith("problem.") ? keys.group(1) + ".title" : keys.group(1));
				}
			}
		}
		for (OrganisationType value : OrganisationType.values()) {
			used.add(value.messageKey());
		}
		for (Settlement value : Settlement.values()) {
			used.add(value.messageKey());
		}
		for (Ownership value : Ownership.values()) {
			used.add(value.messageKey());
		}
		for (OrganisationStatus value : OrganisationStatus.values()) {
			used.add(value.messageKey());
		}
		for (InstructionLanguage value : InstructionLanguage.values()) {
			used.add(value.messageKey());
		}
		for (Role value : Role.values()) {
			used.add(value.messageKey());
		}
		for (AuditAction value : AuditAction.values()) {
			used.add(value.messageKey());
		}
		for (OrgUnitKind value : OrgUnitKind.values()) {
			used.add(value.messageKey());
		}
		for (KatoImport.ChangeKind value : KatoImport.ChangeKind.values()) {
			used.add(value.messageKey());
		}
		// the catalogue, reports and open data name every measure an indicator may use
		for (org.barshaga.indicators.Measure value : org.barshaga.indicators.Measure.values()) {
			used.add(value.messageKey());
		}
		assertThat(used).hasSizeGreaterThan(150);
		for (String language : LANGUAGES) {
			Set<String> defined = load("messages_" + language + ".properties").stringPropertyNames();
			assertThat(used).as("keys missing in messages_" + language).isSubsetOf(defined);
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(MessagesTests.class.getResourceAsStream("/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
