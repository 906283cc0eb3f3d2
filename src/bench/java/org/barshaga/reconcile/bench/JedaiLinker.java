package org.barshaga.reconcile.bench;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.scify.jedai.blockbuilding.StandardBlocking;
import org.scify.jedai.blockprocessing.blockcleaning.BlockFiltering;
import org.scify.jedai.blockprocessing.blockcleaning.SizeBasedBlockPurging;
import org.scify.jedai.blockprocessing.comparisoncleaning.CardinalityNodePruning;
import org.scify.jedai.datamodel.AbstractBlock;
import org.scify.jedai.datamodel.EntityProfile;
import org.scify.jedai.datamodel.EquivalenceCluster;
import org.scify.jedai.datamodel.SimilarityPairs;
import org.scify.jedai.entityclustering.UniqueMappingClustering;
import org.scify.jedai.entitymatching.ProfileMatcher;
import org.scify.jedai.utilities.enumerations.RepresentationModel;
import org.scify.jedai.utilities.enumerations.SimilarityMetric;
import org.scify.jedai.utilities.enumerations.WeightingScheme;

/**
 * JedAI 3.1's schema-agnostic workflow for clean-clean entity resolution (health records
 * are dataset 1, pupils dataset 2), the steps and defaults of JedAI's own workflow
 * builder:
 * <ol>
 * <li>Standard (token) blocking: one block per token shared by a health record and a
 * pupil. JedAI splits values on {@code [\W_]}, which in Java means every character but
 * ASCII letters and digits, so a Cyrillic or Kazakh name would give no token at all; the
 * blocking here is JedAI's {@code StandardBlocking} with only the split made
 * Unicode-aware (the one change a user with non-Latin data has to make; no
 * transliteration).</li>
 * <li>Size-based block purging with JedAI's default purging factor 0.005: drops the
 * blocks with more entities on a side than 0.5% of the smaller dataset (sex, region, the
 * commonest names). JedAI's other purging, comparison-based with its clean-clean
 * smoothing factor 1.0, kept only blocks of at most 3 comparisons on the development data
 * (in effect, IIN blocks only).</li>
 * <li>Block filtering, ratio 0.8 (JedAI's default): each profile stays in its 80%
 * smallest blocks.</li>
 * <li>Meta-blocking: cardinality node pruning with the Jaccard weighting scheme (JedAI's
 * default): each profile keeps its top-k neighbours in the blocking graph.</li>
 * <li>Profile matcher with JedAI's default model: character four-grams, TF-IDF weights,
 * cosine similarity, over all attribute values of a profile.</li>
 * <li>Unique mapping clustering (one-to-one, highest similarity first) with threshold
 * {@value #THRESHOLD}, the best of 0.5 to 0.8 in steps of 0.1 on development data
 * (another seed of the generator, not the data measured).</li>
 * </ol>
 * Values are lower-cased and trimmed; birth dates are given as {@code yyyyMMdd} so that a
 * date is one token (JedAI would split {@code 2015-08-12} into three tokens of little
 * use).
 */
public final class JedaiLinker implements Linker {

	static final float THRESHOLD = 0.6f;

	private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	@Override
	public String name() {
		return "jedai";
	}

	@Override
	public Map<String, String> link(List<Person> health, List<Person> pupils) {
		List<EntityProfile> healthProfiles = profiles(health);
		List<EntityProfile> pupilProfiles = profiles(pupils);

		List<AbstractBlock> blocks = new UnicodeStandardBlocking().getBlocks(healthProfiles, pupilProfiles);
		blocks = new SizeBasedBlockPurging(0.005f).refineBlocks(blocks);
		blocks = new BlockFiltering(0.8f).refineBlocks(blocks);
		blocks = new CardinalityNodePruning(WeightingScheme.JS).refineBlocks(blocks);

		ProfileMatcher matcher = new ProfileMatcher(healthProfiles, pupilProfiles,
				RepresentationModel.CHARACTER_FOURGRAMS_TF_IDF, SimilarityMetric.COSINE_SIMILARITY);
		SimilarityPairs pairs = matcher.executeComparisons(blocks);
		blocks = null;
		EquivalenceCluster[] clusters = new UniqueMappingClustering(THRESHOLD).getDuplicates(pairs);

		Map<String, String> links = new HashMap<>();
		for (EquivalenceCluster cluster : clusters) {
			if (!cluster.getEntityIdsD1().isEmpty() && !cluster.getEntityIdsD2().isEmpty()) {
				links.put(health.get(cluster.getEntityIdsD1().get(0)).id(),
						pupils.get(cluster.getEntityIdsD2().get(0)).id());
			}
		}
		return links;
	}

	private static List<EntityProfile> profiles(List<Person> people) {
		// Lower-cased names repeat: one String each (memory only; JedAI sees the same
		// values).
		Map<String, String> pool = new HashMap<>();
		List<EntityProfile> profiles = new ArrayList<>(people.size());
		for (Person person : people) {
			EntityProfile profile = new EntityProfile(person.id());
			add(profile, "iin", person.iin(), null);
			add(profile, "surname", person.surname(), pool);
			add(profile, "given_name", person.givenName(), pool);
			add(profile, "patronymic", person.patronymic(), pool);
			add(profile, "birth_date", (person.birthDate() != null) ? COMPACT_DATE.format(person.birthDate()) : null,
					pool);
			add(profile, "sex", person.sex(), pool);
			add(profile, "region", person.region(), pool);
			profiles.add(profile);
		}
		return profiles;
	}

	private static void add(EntityProfile profile, String attribute, String value, Map<String, String> pool) {
		if (value != null) {
			String clean = value.strip().toLowerCase(Locale.ROOT);
			if (!clean.isEmpty()) {
				profile.addAttribute(attribute, (pool != null) ? pool.computeIfAbsent(clean, (first) -> first) : clean);
			}
		}
	}

	/**
	 * JedAI's standard blocking with tokens split on non-letters and non-digits of any
	 * script.
	 */
	static final class UnicodeStandardBlocking extends StandardBlocking {

		private static final Pattern SEPARATOR = Pattern.compile("[\\W_]+", Pattern.UNICODE_CHARACTER_CLASS);

		@Override
		protected String[] getTokens(String attributeValue) {
			return SEPARATOR.split(attributeValue);
		}

	}

}
