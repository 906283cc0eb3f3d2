package org.barshaga;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The help of the jar's commands ({@code COMMAND --help} or {@code -h}, and
 * {@code --help} alone for the list), answered from {@code command-help.txt} before the
 * application starts: asking for help opens no database, marks no import interrupted and
 * starts no run, whatever the command would do.
 */
final class CommandHelp {

	private static final String RESOURCE = "/command-help.txt";

	/** A command's help: its usage line and one line per option. */
	record Entry(String name, String usage, List<String> options) {
	}

	private CommandHelp() {
	}

	/** Whether the command line asks for help rather than for work. */
	static boolean asked(String[] arguments) {
		if (arguments.length == 0) {
			return false;
		}
		if (isHelp(arguments[0]) || arguments[0].equals("help")) {
			return true;
		}
		return !arguments[0].startsWith("-") && Arrays.stream(arguments).anyMatch(CommandHelp::isHelp);
	}

	static boolean isHelp(String argument) {
		return argument.equals("--help") || argument.equals("-h");
	}

	/**
	 * Prints the help the command line asks for and answers the exit code: 0, or 2 for a
	 * command that does not exist.
	 */
	static int print(String[] arguments, PrintStream out) {
		Map<String, Entry> entries = entries();
		if (isHelp(arguments[0]) || arguments[0].equals("help")) {
			out.println("Commands (java -jar barshaga.jar COMMAND --help for its options):");
			entries.values().forEach(entry -> out.println("  " + entry.usage()));
			return 0;
		}
		Entry entry = find(entries, List.of(arguments));
		if (entry == null) {
			out.println("Unknown command: " + String.join(" ", arguments));
			entries.values().forEach(known -> out.println("  " + known.usage()));
			return 2;
		}
		out.println("Usage: " + entry.usage());
		entry.options().forEach(option -> out.println("  " + option));
		return 0;
	}

	/** The command the words start with; the longest name wins ("bench import"). */
	static Entry find(Map<String, Entry> entries, List<String> words) {
		Entry found = null;
		for (Entry entry : entries.values()) {
			List<String> name = List.of(entry.name().split(" "));
			if (words.size() >= name.size() && words.subList(0, name.size()).equals(name)
					&& (found == null || name.size() > found.name().split(" ").length)) {
				found = entry;
			}
		}
		return found;
	}

	/** Every command's help, in the order of the file. */
	static Map<String, Entry> entries() {
		Map<String, Entry> entries = new LinkedHashMap<>();
		try (InputStream stream = CommandHelp.class.getResourceAsStream(RESOURCE)) {
			if (stream == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the jar");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
			String name = null;
			String usage = null;
			List<String> options = new ArrayList<>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#")) {
					continue;
				}
				if (line.startsWith("[") && line.endsWith("]")) {
					if (name != null) {
						entries.put(name, new Entry(name, usage, List.copyOf(options)));
					}
					name = line.substring(1, line.length() - 1);
					usage = null;
					options.clear();
				}
				else if (name != null && !line.isBlank()) {
					if (usage == null) {
						usage = line;
					}
					else {
						options.add(line);
					}
				}
			}
			if (name != null) {
				entries.put(name, new Entry(name, usage, List.copyOf(options)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

}
