package org.barshaga.network;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.barshaga.kernel.InvalidInputException;

/**
 * What a practice may carry: PDF and Word documents, PNG and JPEG pictures, each at most
 * {@value #MAX_BYTES} bytes, at most {@value #MAX_FILES} to a practice. A file is
 * recognised by its first bytes (and a Word document by the parts inside its ZIP), never
 * by what the browser said; one whose content is not what its name says is refused. The
 * bytes are kept in the database and only ever sent back as the type recognised, so
 * nothing uploaded is run or interpreted by the server.
 */
final class PracticeFiles {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_FILES = 10;

	static final int NAME_LIMIT = 200;

	/** The kinds of file accepted, by the endings of their names. */
	enum Kind {

		PDF("application/pdf", "pdf"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
		PNG("image/png", "png"), JPEG("image/jpeg", "jpg", "jpeg");

		final String contentType;

		final Set<String> endings;

		Kind(String contentType, String... endings) {
			this.contentType = contentType;
			this.endings = Set.of(endings);
		}

		static Kind ofName(String name) {
			int dot = name.lastIndexOf('.');
			String ending = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
			for (Kind kind : values()) {
				if (kind.endings.contains(ending)) {
					return kind;
				}
			}
			return null;
		}

		boolean matches(byte[] bytes) {
			return switch (this) {
				case PDF -> startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D);
				case PNG -> startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
				case JPEG -> startsWith(bytes, 0xFF, 0xD8, 0xFF);
				case DOCX -> startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) && isWordDocument(bytes);
			};
		}

	}

	/** A file that passed: its clean name and the type its bytes were recognised as. */
	record Checked(String name, String contentType, byte[] content) {
	}

	private PracticeFiles() {
	}

	/**
	 * Checks one file against its name and the limits.
	 * @param already how many files the practice has
	 */
	static Checked check(String submittedName, byte[] content, int already) {
		String name = cleanName(submittedName);
		if (already >= MAX_FILES) {
			throw InvalidInputException.of("file", "validation.practice.file.count", MAX_FILES);
		}
		if (name.isEmpty() || content == null || content.length == 0) {
			throw InvalidInputException.of("file", "validation.practice.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "validation.practice.file.size", name, MAX_BYTES / (1024 * 1024));
		}
		Kind kind = Kind.ofName(name);
		if (kind == null) {
			throw InvalidInputException.of("file", "validation.practice.file.kind", name);
		}
		if (!kind.matches(content)) {
			throw InvalidInputException.of("file", "validation.practice.file.content", name, kind.name());
		}
		return new Checked(name, kind.contentType, content);
	}

	/** Refuses a file over the limit before its bytes are read. */
	static void checkSize(String submittedName, long size) {
		if (size > MAX_BYTES) {
			throw InvalidInputException.of("file", "validation.practice.file.size", cleanName(submittedName),
					MAX_BYTES / (1024 * 1024));
		}
	}

	/** The last part of the name the browser sent, without control characters. */
	static String cleanName(String submitted) {
		if (submitted == null) {
			return "";
		}
		String name = submitted.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		return name.length() > NAME_LIMIT ? name.substring(name.length() - NAME_LIMIT) : name;
	}

	private static boolean startsWith(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A Word document is a ZIP with a content-types part and a main document part. Only
	 * the names in the entries' local headers are read, nothing is decompressed, so a
	 * file that would inflate to gigabytes costs no more than its size.
	 */
	private static boolean isWordDocument(byte[] bytes) {
		Set<String> names = new HashSet<>();
		for (int at = 0; at + 30 <= bytes.length; at++) {
			if (bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == 0x03 && bytes[at + 3] == 0x04) {
				int length = (bytes[at + 26] & 0xFF) | (bytes[at + 27] & 0xFF) << 8;
				if (at + 30 + length <= bytes.length) {
					names.add(new String(bytes, at + 30, length, StandardCharsets.UTF_8));
				}
			}
		}
		return names.contains("[Content_Types].xml") && names.contains("word/document.xml");
	}

}
