package org.barshaga;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.barshaga.kernel.Iin;

/**
 * Reads what every test class of a run wrote (surefire keeps each class's output in its
 * reports directory) and fails the build when it holds an IIN or a person's name: the
 * logs of a server are read by operators who may not see children's identities, so
 * nothing the product logs may carry one, whatever the test made it do. An IIN is twelve
 * digits with a valid check digit; a name is two capitalised Cyrillic words in a row (the
 * product logs in English, so any such pair is a name or an organisation's name, and
 * neither belongs in a log line).
 */
public final class SuiteLogScan {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");

	private static final Pattern CYRILLIC_NAME = Pattern
		.compile("\\p{IsCyrillic}*[\\p{Lu}&&\\p{IsCyrillic}]\\p{Ll}+[ \\u00a0]+[\\p{Lu}&&\\p{IsCyrillic}]\\p{Ll}+");

	private SuiteLogScan() {
	}

	/** Runs the scan over the directories given; fails when anything is found. */
	public static void main(String[] args) throws IOException {
		List<String> found = new ArrayList<>();
		int files = 0;
		for (String directory : args) {
			Path dir = Path.of(directory);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> outputs = Files.list(dir)) {
				for (Path file : outputs.filter(SuiteLogScan::isOutput).sorted().toList()) {
					files++;
					found.addAll(scan(file));
				}
			}
		}
		if (!found.isEmpty()) {
			throw new IllegalStateException("The suite's logs hold " + found.size() + " IINs or names; the first:\n  "
					+ String.join("\n  ", found.subList(0, Math.min(20, found.size()))));
		}
		System.out.println("Suite logs: " + files + " files of test output read, no IIN and no name found");
	}

	private static boolean isOutput(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith("-output.txt") || name.endsWith(".dumpstream") || name.endsWith(".log");
	}

	/**
	 * Where a file holds an IIN or a name: the file, the line number and what was found.
	 */
	static List<String> scan(Path file) throws IOException {
		List<String> found = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				for (String hit : hits(line)) {
					found.add(file.getFileName() + ":" + number + ": " + hit);
				}
			}
		}
		catch (java.nio.charset.MalformedInputException binary) {
			found.add(file.getFileName() + ": not UTF-8, so not readable for the scan");
		}
		return found;
	}

	static List<String> hits(String line) {
		List<String> hits = new ArrayList<>();
		Matcher digits = TWELVE_DIGITS.matcher(line);
		while (digits.find()) {
			if (Iin.isValid(digits.group())) {
				hits.add("IIN " + digits.group());
			}
		}
		Matcher name = CYRILLIC_NAME.matcher(line);
		while (name.find()) {
			hits.add("name " + name.group());
		}
		return hits;
	}

}
