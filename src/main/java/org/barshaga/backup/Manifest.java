package org.barshaga.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds, written beside the dump as {@code FILE.manifest.json}: the
 * database it came from, the Flyway schema version, and for every table (except Flyway's
 * history) its row count and checksum, which a restore must reproduce.
 */
record Manifest(int format, String vendor, String schemaVersion, String takenAt, String dump, List<Table> tables) {

	static final int FORMAT = 1;

	/** A table's rows and the checksum of their values ({@link Checksums}). */
	record Table(String name, long rows, String checksum) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Path beside(Path dump) {
		return dump.resolveSibling(dump.getFileName() + ".manifest.json");
	}

	long rows() {
		return tables.stream().mapToLong(Table::rows).sum();
	}

	void write(Path file) {
		try (OutputStream out = Files.newOutputStream(file)) {
			JSON.writerWithDefaultPrettyPrinter().writeValue(out, this);
		}
		catch (IOException | JacksonException ex) {
			throw new BackupFailure("Cannot write the manifest " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

	static Manifest read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			Manifest manifest = JSON.readValue(in, Manifest.class);
			if (manifest.format() != FORMAT || manifest.tables() == null || manifest.vendor() == null) {
				throw new BackupFailure("The manifest " + file.toAbsolutePath() + " is not one this version writes");
			}
			return manifest;
		}
		catch (NoSuchFileException ex) {
			throw new BackupFailure("The manifest " + file.toAbsolutePath()
					+ " is missing: a dump is restored only with the manifest the backup wrote beside it", ex);
		}
		catch (IOException | JacksonException ex) {
			throw new BackupFailure("Cannot read the manifest " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

}
