package org.barshaga.network;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.barshaga.kernel.CommandLineJob;

import org.springframework.stereotype.Component;

/**
 * {@code bench practices [--practices N] [--queries Q]}: indexes N synthetic practices in
 * Kazakh, Russian and English (50,000 by default), each some 120 words drawn from
 * inflected words of inclusion and from a large made-up vocabulary, then times Q searches
 * of one to three words written in other forms than the texts, and prints the median, the
 * 95th percentile and the worst time. It measures the index the bank's search uses
 * ({@link PracticeIndex}); the database is not touched.
 */
@Component
class BenchPracticesJob implements CommandLineJob {

	/** Words as practices write them, in several forms each. */
	private static final String[][] WRITTEN = {
			{ "мектепте", "мектептерде", "мектебі", "балаларға", "баланың", "мұғалімдер", "мұғалімге", "кестені",
					"сыныпта", "сыныптарда", "оқушылар", "оқушының", "ата-аналармен", "пандусты", "кітаптар", "көмекті",
					"логопедпен", "психологтың", "ойындар", "суреттерді", "үзілісте", "карточкалар" },
			{ "школе", "школах", "детям", "ребёнка", "учителями", "учителя", "расписание", "классе", "учеников",
					"родителями", "пандус", "книги", "помощь", "логопедом", "психолога", "игры", "картинками",
					"перемене", "карточки", "тьютора", "занятиях", "речи" },
			{ "schools", "school", "children", "child", "teachers", "teacher", "timetable", "classes", "pupils",
					"parents", "ramp", "books", "support", "therapist", "psychologist", "games", "pictures", "breaks",
					"cards", "tutor", "lessons", "speech" } };

	/** The same words asked in other forms. */
	private static final String[][] ASKED = {
			{ "мектепке", "мектебіне", "балалар", "балаларды", "мұғалімнің", "кестелер", "сыныптың", "оқушыға",
					"ата-аналарға", "пандус", "кітабы", "көмек", "логопедке", "психолог", "ойын", "сурет", "үзілістер",
					"карточкамен" },
			{ "школа", "школами", "дети", "ребёнок", "учитель", "расписанию", "класс", "ученики", "родители", "пандусы",
					"книгам", "помощи", "логопед", "психологом", "игра", "картинки", "перемены", "карточек" },
			{ "schooling", "child", "teacher", "timetables", "class", "pupil", "parent", "ramps", "book", "supporting",
					"therapists", "game", "picture", "break", "card", "tutors", "lesson", "speeches" } };

	private static final String SYLLABLES = "ба ла ке те ды ры ко ра ми на со ту жа қа ғы ңе өр үс ұл ів де по ли ка ти";

	@Override
	public String name() {
		return "bench practices";
	}

	@Override
	public String usage() {
		return "bench practices [--practices N] [--queries Q]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		int size = Optional.ofNullable(CommandLineJob.option(arguments, "--practices"))
			.map(Integer::parseInt)
			.orElse(50_000);
		int queries = Optional.ofNullable(CommandLineJob.option(arguments, "--queries"))
			.map(Integer::parseInt)
			.orElse(1_000);
		SplittableRandom random = new SplittableRandom(17);
		String[] syllables = SYLLABLES.split(" ");
		try (PracticeIndex index = new PracticeIndex()) {
			long start = System.nanoTime();
			for (int id = 1; id <= size; id++) {
				String[] words = WRITTEN[id % 3];
				StringBuilder text = new StringBuilder();
				for (int w = 0; w < 120; w++) {
					if (random.nextInt(3) == 0) {
						text.append(words[random.nextInt(words.length)]);
					}
					else {
						for (int s = 0; s < 2 + random.nextInt(3); s++) {
							text.append(syllables[random.nextInt(syllables.length)]);
						}
					}
					text.append(' ');
				}
				index.put(id, text.toString());
			}
			index.refresh();
			out.printf("Indexed %,d practices in %.1f s%n", index.size(), (System.nanoTime() - start) / 1e9);
			List<Double> times = new ArrayList<>();
			long hits = 0;
			for (int q = 0; q < queries + 100; q++) {
				String[] asked = ASKED[random.nextInt(3)];
				StringBuilder query = new StringBuilder();
				for (int w = 0; w <= random.nextInt(3); w++) {
					query.append(asked[random.nextInt(asked.length)]).append(' ');
				}
				long began = System.nanoTime();
				PracticeIndex.Hits found = index.search(query.toString(), Practices.SEARCH_LIMIT);
				double milliseconds = (System.nanoTime() - began) / 1e6;
				// the first hundred warm the JVM up and are not counted
				if (q >= 100) {
					times.add(milliseconds);
					hits += found.total();
				}
			}
			Collections.sort(times);
			out.printf("%,d searches: median %.2f ms, 95th percentile %.2f ms, worst %.2f ms, %,d matches on average%n",
					times.size(), times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1),
					times.get(times.size() - 1), hits / Math.max(1, times.size()));
		}
		return 0;
	}

}
