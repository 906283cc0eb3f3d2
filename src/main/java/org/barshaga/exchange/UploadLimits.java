package org.barshaga.exchange;

/**
 * Everything one uploaded file can make the server do is bounded here, so that no file,
 * however it is built, can exhaust the memory or the disk of the server that imports it.
 * The figures and the reasons for them are in {@code docs/security.md} ("Uploads and
 * imports"); the upload size of the pages is the same figure in
 * {@code spring.servlet.multipart.max-file-size}.
 */
final class UploadLimits {

	private static final long MIB = 1024L * 1024;

	/**
	 * The largest file, from the pages or the command line: the national enrolment
	 * extract (3.5 million rows) is 375 MB as CSV.
	 */
	static final long MAX_FILE_BYTES = 512 * MIB;

	/**
	 * The largest XLSX file. A sheet holds at most 1,048,576 rows; the national files are
	 * CSV. The bound keeps the workbook's directory, which the reader holds, small.
	 */
	static final long MAX_XLSX_BYTES = 64 * MIB;

	/** Rows of one import: the national enrolment extract, 3,534,961 rows, with room. */
	static final long MAX_ROWS = 4_000_000;

	/** Characters of one cell, in CSV and XLSX alike: Excel's own limit. */
	static final int MAX_CELL_CHARS = 32_767;

	/** Cells of one row: Excel's own limit of columns; every layout has fewer than 30. */
	static final int MAX_ROW_CELLS = 16_384;

	/** All the parts of a workbook together, unpacked. */
	static final long MAX_INFLATED_BYTES = 1024 * MIB;

	/**
	 * A part the reader holds in memory (shared strings, styles, the workbook and its
	 * relations), unpacked: only the sheet itself is streamed.
	 */
	static final long MAX_HELD_PART_BYTES = 32 * MIB;

	/**
	 * How many times a part may unpack its packed size: the bound of Apache POI's
	 * {@code ZipSecureFile}. Spreadsheet XML packs 5 to 30 times.
	 */
	static final int MAX_INFLATE_RATIO = 100;

	/** Unpacked bytes of a part before its ratio is judged, so that tiny parts pass. */
	static final long RATIO_GRACE_BYTES = MIB;

	/** Parts (zip entries) of one workbook. */
	static final int MAX_PARTS = 1_000;

	/** Bytes of the workbook's central directory, which the reader holds whole. */
	static final long MAX_DIRECTORY_BYTES = MIB;

	/**
	 * Bytes of one XML token of a workbook (a tag with its attributes, or a run of text):
	 * a cell's characters, each escaped at worst as six bytes.
	 */
	static final int MAX_XML_TOKEN_BYTES = MAX_CELL_CHARS * 6;

	/** Problems stored for the report of one import; every one is counted. */
	static final int KEPT_PROBLEMS = 5_000;

	/** Rejected rows after which an all-or-nothing import stops: nothing can be saved. */
	static final int ALL_OR_NOTHING_STOP = 1_000;

	private UploadLimits() {
	}

	static long megabytes(long bytes) {
		return (bytes + MIB - 1) / MIB;
	}

}
