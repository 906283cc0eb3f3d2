package org.barshaga.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV reader: separators, quoting, byte-order marks, and exact errors. */
class CsvRecordsTests {

	private static List<RecordSource.SourceRecord> read(byte[] bytes) throws Exception {
		List<RecordSource.SourceRecord> records = new ArrayList<>();
		try (CsvRecords csv = new CsvRecords(new ByteArrayInputStream(bytes))) {
			RecordSource.SourceRecord record;
			while ((record = csv.next()) != null) {
				records.add(record);
			}
		}
		return records;
	}

	private static List<RecordSource.SourceRecord> read(String text) throws Exception {
		return read(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsCommasQuotesAndLineBreaksInsideQuotes() throws Exception {
		var records = read("a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\"two\nlines\",,z\n");
		assertThat(records).hasSize(3);
		assertThat(records.get(1).fields()).containsExactly("1", "x, \"y\"", "3");
		assertThat(records.get(2).fields()).containsExactly("two\nlines", "", "z");
		assertThat(records.get(2).line()).isEqualTo(3);
	}

	@Test
	void recognisesSemicolonsFromTheHeaderAndSkipsTheByteOrderMark() throws Exception {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "code;name\nA;Ақсу, ауыл\n".getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, all, 0, 3);
		System.arraycopy(body, 0, all, 3, body.length);
		var records = read(all);
		assertThat(records.get(0).fields()).containsExactly("code", "name");
		assertThat(records.get(1).fields()).containsExactly("A", "Ақсу, ауыл");
	}

	@Test
	void numbersLinesAcrossEmptyLines() throws Exception {
		var records = read("a,b\n\n1,2\n\n\n3,4");
		assertThat(records.stream().filter(r -> !r.blank()).map(RecordSource.SourceRecord::line)).containsExactly(1L,
				3L, 6L);
	}

	@Test
	void aQuoteThatNeverClosesIsReportedAtTheLineItOpens() throws Exception {
		var records = read("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
		RecordSource.SourceRecord last = records.get(records.size() - 1);
		assertThat(last.unclosedQuote()).isTrue();
		assertThat(last.line()).isEqualTo(3);
	}

	@Test
	void aFileInAnotherEncodingIsRefusedAtTheLineThatIsNotUtf8() throws Exception {
		StringBuilder text = new StringBuilder("surname,given_name\n");
		for (int i = 0; i < 5000; i++) {
			text.append("Ivanov,Ivan\n");
		}
		text.append("Иванов,Иван\n");
		byte[] cp1251 = text.toString().getBytes(Charset.forName("windows-1251"));
		assertThatThrownBy(() -> read(cp1251)).isInstanceOfSatisfying(FileProblem.class, problem -> {
			assertThat(problem.key()).isEqualTo("exchange.problem.encoding");
			assertThat(problem.arguments()).containsExactly(5002L);
		});
	}

	@Test
	void readsLinesEndedByCarriageReturnsAlone() throws Exception {
		var records = read("a,b\r1,2\r3,4\r");
		assertThat(records).hasSize(3);
		assertThat(records.get(2).fields()).containsExactly("3", "4");
		assertThat(records.get(2).line()).isEqualTo(3);
	}

	@Test
	void readsAWholeBufferOfCarriageReturnLinesWithoutADecoderFault() throws Exception {
		StringBuilder text = new StringBuilder("a,b\r");
		for (int i = 0; i < 20_000; i++) {
			text.append("Әлия,").append(i).append('\r');
		}
		var records = read(text.toString());
		assertThat(records).hasSize(20_001);
		assertThat(records.get(20_000).fields()).containsExactly("Әлия", "19999");
	}

	@Test
	void anEmptyInputHasNoRecords() throws Exception {
		assertThat(read(new byte[0])).isEmpty();
		assertThat(read(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF })).isEmpty();
	}

}
