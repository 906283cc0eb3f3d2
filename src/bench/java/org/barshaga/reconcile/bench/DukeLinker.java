package org.barshaga.reconcile.bench;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.DataSource;
import no.priv.garshol.duke.Logger;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.RecordIterator;
import no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.databases.LuceneDatabase;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke 1.2 in record linkage mode: the pupils are group 1 (indexed in Duke's default
 * Lucene database, in memory), the health records group 2 (each looked up in the index
 * and compared with its candidates). Duke's best-match strategy gives each health record
 * its single best pupil above the threshold; a pupil claimed by two records goes to the
 * higher probability.
 *
 * <p>
 * Configuration, following Duke's XMLConfig, HowItWorks and record-linkage pages, set the
 * way the XML file would set it but through the API (the records are already in memory):
 * <ul>
 * <li>Text values go through {@code LowerCaseNormalizeCleaner}, Duke's default cleaner
 * for text (trim, collapse spaces, lower case, strip accents). Birth dates are given as
 * {@code yyyyMMdd} so that Lucene's analyser keeps each as one token.</li>
 * <li>IIN: exact, low 0.2, high 0.99 (a shared IIN is near proof; a differing one is
 * strong evidence against, but 3% of the registry's IINs are mistyped).</li>
 * <li>Surname, given name, patronymic: Jaro-Winkler, low 0.40 / 0.42 / 0.45, high 0.90 /
 * 0.85 / 0.80. The lows are near neutral on purpose: the registry writes 10% of names in
 * Latin script, which Jaro-Winkler cannot compare with the Cyrillic of the enrolment
 * extract, and a name that differs must not outweigh an IIN that agrees.</li>
 * <li>Birth date: exact, low 0.1, high 0.8 (about 500 pupils share a birth date
 * nationally).</li>
 * <li>Sex: exact, low 0.05, high 0.52. Region: exact, low 0.4, high 0.55.</li>
 * <li>Threshold 0.98 (no maybe-threshold). Two strangers born on the same day in the same
 * region with unrelated names reach about 0.95.</li>
 * <li>Lookup (the properties the Lucene query is built from): IIN, surname, given name
 * and birth date; patronymic, sex and region are compared but not searched on (they would
 * match most of the index). {@code max-search-hits} 50: Duke otherwise widens the result
 * window up to a million hits when every query matches many documents, which is the case
 * here. Fuzzy search stays on (Duke's default) for the Jaro-Winkler properties.</li>
 * <li>One matching thread (Duke's default), like the other linkers of the benchmark.</li>
 * </ul>
 */
public final class DukeLinker implements Linker {

	static final double THRESHOLD = 0.98;

	static final int MAX_SEARCH_HITS = 50;

	private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int BATCH_SIZE = 40_000;

	@Override
	public String name() {
		return "duke";
	}

	@Override
	public Map<String, String> link(List<Person> health, List<Person> pupils) {
		ConfigurationImpl config = new ConfigurationImpl();
		List<Property> properties = new ArrayList<>();
		properties.add(new PropertyImpl("ID"));
		properties.add(property("IIN", new ExactComparator(), 0.2, 0.99, Property.Lookup.TRUE));
		properties.add(property("SURNAME", new JaroWinkler(), 0.40, 0.90, Property.Lookup.TRUE));
		properties.add(property("GIVEN_NAME", new JaroWinkler(), 0.42, 0.85, Property.Lookup.TRUE));
		properties.add(property("PATRONYMIC", new JaroWinkler(), 0.45, 0.80, Property.Lookup.FALSE));
		properties.add(property("BIRTH_DATE", new ExactComparator(), 0.1, 0.8, Property.Lookup.TRUE));
		properties.add(property("SEX", new ExactComparator(), 0.05, 0.52, Property.Lookup.FALSE));
		properties.add(property("REGION", new ExactComparator(), 0.4, 0.55, Property.Lookup.FALSE));
		config.setProperties(properties);
		config.setThreshold(THRESHOLD);
		LuceneDatabase database = new LuceneDatabase();
		database.setMaxSearchHits(MAX_SEARCH_HITS);
		config.setDatabase(database);

		LowerCaseNormalizeCleaner cleaner = new LowerCaseNormalizeCleaner();
		Function<Person, Record> toRecord = (person) -> record(person, cleaner);
		DataSource pupilSource = new PersonSource(pupils, toRecord);
		DataSource healthSource = new PersonSource(health, toRecord);
		config.addDataSource(1, pupilSource);
		config.addDataSource(2, healthSource);
		config.validate();

		List<Match> best = new ArrayList<>();
		Processor processor = new Processor(config);
		processor.addMatchListener(new AbstractMatchListener() {
			@Override
			public void matches(Record record, Record candidate, double confidence) {
				synchronized (best) {
					best.add(new Match(record.getValue("ID"), candidate.getValue("ID"), confidence));
				}
			}
		});
		try {
			processor.link(config.getDataSources(1), config.getDataSources(2), false, BATCH_SIZE);
		}
		finally {
			processor.close();
		}

		// One pupil per record already; now no pupil twice: the higher probability keeps
		// it.
		best.sort(Comparator.comparingDouble(Match::confidence).reversed().thenComparing(Match::healthId));
		Map<String, String> links = new HashMap<>();
		Set<String> taken = new HashSet<>();
		for (Match match : best) {
			if (taken.add(match.pupilIin())) {
				links.put(match.healthId(), match.pupilIin());
			}
		}
		return links;
	}

	private static Property property(String name, no.priv.garshol.duke.Comparator comparator, double low, double high,
			Property.Lookup lookup) {
		PropertyImpl property = new PropertyImpl(name, comparator, low, high);
		property.setLookupBehaviour(lookup);
		return property;
	}

	private static Record record(Person person, LowerCaseNormalizeCleaner cleaner) {
		RecordImpl record = new RecordImpl();
		record.addValue("ID", person.id());
		add(record, "IIN", person.iin(), cleaner);
		add(record, "SURNAME", person.surname(), cleaner);
		add(record, "GIVEN_NAME", person.givenName(), cleaner);
		add(record, "PATRONYMIC", person.patronymic(), cleaner);
		if (person.birthDate() != null) {
			record.addValue("BIRTH_DATE", COMPACT_DATE.format(person.birthDate()));
		}
		add(record, "SEX", (person.sex() != null) ? person.sex().toLowerCase(Locale.ROOT) : null, cleaner);
		add(record, "REGION", person.region(), cleaner);
		return record;
	}

	private static void add(RecordImpl record, String property, String value, LowerCaseNormalizeCleaner cleaner) {
		if (value != null) {
			String clean = cleaner.clean(value);
			if (clean != null && !clean.isEmpty()) {
				record.addValue(property, clean);
			}
		}
	}

	private record Match(String healthId, String pupilIin, double confidence) {

	}

	/**
	 * A Duke data source over records already in memory, turned into Duke records one at
	 * a time (Duke's own {@code InMemoryDataSource} would hold all 3.5 million Duke
	 * records at once).
	 */
	private static final class PersonSource implements DataSource {

		private final List<Person> people;

		private final Function<Person, Record> toRecord;

		PersonSource(List<Person> people, Function<Person, Record> toRecord) {
			this.people = people;
			this.toRecord = toRecord;
		}

		@Override
		public RecordIterator getRecords() {
			Iterator<Person> iterator = this.people.iterator();
			return new RecordIterator() {
				@Override
				public boolean hasNext() {
					return iterator.hasNext();
				}

				@Override
				public Record next() {
					return PersonSource.this.toRecord.apply(iterator.next());
				}
			};
		}

		@Override
		public void setLogger(Logger logger) {
		}

	}

}
