package org.barshaga.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The readers of uploaded files, fed whatever bytes the fuzzer makes. A file may be
 * refused ({@link FileProblem}, the refusal the user sees in their language); anything
 * else thrown, a hang or running out of memory is a finding. Replayed from the inputs
 * under {@code src/test/resources} in every build; fuzzed with {@code JAZZER_FUZZ=1}
 * (docs/testing.md).
 */
class FileReaderFuzzTests {

	@FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
	void csvReader(byte[] input) throws IOException {
		try (CsvRecords records = new CsvRecords(new ByteArrayInputStream(input))) {
			readAll(records);
		}
		catch (FileProblem refused) {
			// the product's own refusal
		}
	}

	@FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
	void xlsxReader(byte[] input) throws IOException {
		Path file = Files.createTempFile("fuzz", ".xlsx");
		try {
			Files.write(file, input);
			try (XlsxRecords records = new XlsxRecords(file)) {
				readAll(records);
			}
			catch (FileProblem refused) {
				// the product's own refusal
			}
		}
		finally {
			Files.delete(file);
		}
	}

	private static void readAll(RecordSource records) throws IOException, FileProblem {
		for (RecordSource.SourceRecord record = records.next(); record != null; record = records.next()) {
			if (record.fields() == null) {
				throw new IllegalStateException("a record without fields");
			}
		}
	}

}
