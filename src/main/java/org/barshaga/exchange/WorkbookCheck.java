package org.barshaga.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Proves that a workbook cannot make its reader exhaust the heap, before the reader opens
 * it. Every part is unpacked once here, counting: the unpacking stops as soon as a part
 * grows past its ratio or the workbook past its size, so a zip bomb costs a few megabytes
 * of work. Every XML part is scanned byte by byte for what the streaming reader would
 * hold whole: a tag, a run of text, one cell's text, the cells of a row, the nesting. The
 * parts the reader holds in memory (the workbook, its relations, shared strings, styles)
 * are found the way the reader finds them and are bounded more tightly; only the first
 * sheet, which is streamed, may be large.
 */
final class WorkbookCheck {

	private static final String CONTENT_TYPES = "[Content_Types].xml";

	private static final String WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private static final String MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

	private static final String SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

	private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private final Map<String, ZipArchiveEntry> entries = new HashMap<>();

	private final Map<String, Long> inflated = new HashMap<>();

	private final Set<String> scanned = new HashSet<>();

	private long total;

	private WorkbookCheck() {
	}

	static void check(Path file) throws FileProblem, IOException {
		long size = Files.size(file);
		if (size > UploadLimits.MAX_XLSX_BYTES) {
			throw new FileProblem("exchange.problem.fileTooLarge", UploadLimits.megabytes(size),
					UploadLimits.megabytes(UploadLimits.MAX_XLSX_BYTES));
		}
		directory(file, size);
		WorkbookCheck check = new WorkbookCheck();
		try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
			check.unpack(zip);
			check.heldParts(zip);
		}
		catch (FileProblem problem) {
			throw problem;
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw new FileProblem("exchange.problem.xlsx");
		}
	}

	/**
	 * The central directory, read from the end record before any zip reader sees it: the
	 * reader holds every entry of it, so its size and its count are bounded first.
	 */
	private static void directory(Path file, long size) throws IOException, FileProblem {
		int tail = (int) Math.min(size, 22 + 65_535);
		ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			channel.position(size - tail);
			while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
				// reads the tail whole
			}
		}
		int end = -1;
		for (int i = tail - 22; i >= 0; i--) {
			if (buffer.getInt(i) == 0x06054b50) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			throw new FileProblem("exchange.problem.xlsx");
		}
		int count = Short.toUnsignedInt(buffer.getShort(end + 10));
		long directoryBytes = Integer.toUnsignedLong(buffer.getInt(end + 12));
		long directoryStart = Integer.toUnsignedLong(buffer.getInt(end + 16));
		long endPosition = size - tail + end;
		boolean zip64 = end >= 20 && buffer.getInt(end - 20) == 0x07064b50;
		if (zip64 || count == 0xFFFF || count > UploadLimits.MAX_PARTS || directoryStart > endPosition
				|| directoryBytes > UploadLimits.MAX_DIRECTORY_BYTES
				|| endPosition - directoryStart > UploadLimits.MAX_DIRECTORY_BYTES) {
			throw new FileProblem("exchange.problem.xlsxParts", UploadLimits.MAX_PARTS);
		}
	}

	private void unpack(ZipFile zip) throws IOException, FileProblem {
		List<ZipArchiveEntry> all = new ArrayList<>();
		zip.getEntries().asIterator().forEachRemaining(all::add);
		if (all.size() > UploadLimits.MAX_PARTS) {
			throw new FileProblem("exchange.problem.xlsxParts", UploadLimits.MAX_PARTS);
		}
		byte[] buffer = new byte[1 << 16];
		for (ZipArchiveEntry entry : all) {
			String name = key(entry.getName());
			if (entries.putIfAbsent(name, entry) != null) {
				throw new FileProblem("exchange.problem.xlsx");
			}
			// A workbook's parts are stored or deflated (ECMA-376, part 2); any other
			// method
			// would make the zip reader reach for a decoder the server does not carry.
			if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
				throw new FileProblem("exchange.problem.xlsx");
			}
			WorkbookXmlScan scan = xml(name) ? new WorkbookXmlScan(entry.getName()) : null;
			long packed = Math.max(1, entry.getCompressedSize());
			long unpacked = 0;
			try (InputStream in = zip.getInputStream(entry)) {
				int n;
				while ((n = in.read(buffer)) > 0) {
					unpacked += n;
					total += n;
					if (total > UploadLimits.MAX_INFLATED_BYTES) {
						throw new FileProblem("exchange.problem.xlsxInflated",
								UploadLimits.megabytes(UploadLimits.MAX_INFLATED_BYTES));
					}
					if (unpacked > UploadLimits.RATIO_GRACE_BYTES
							&& unpacked > packed * UploadLimits.MAX_INFLATE_RATIO) {
						throw new FileProblem("exchange.problem.xlsxRatio", entry.getName(),
								UploadLimits.MAX_INFLATE_RATIO);
					}
					if (scan != null) {
						scan.feed(buffer, n);
					}
				}
			}
			inflated.put(name, unpacked);
			if (scan != null) {
				scanned.add(name);
			}
		}
	}

	/**
	 * Finds the parts the reader holds in memory as the reader does (the content types
	 * name the workbook, shared strings and styles; the workbook's relations name the
	 * first sheet), and bounds them. Each is XML that was scanned above.
	 */
	private void heldParts(ZipFile zip) throws IOException, XMLStreamException, FileProblem {
		held(CONTENT_TYPES);
		String workbook = null;
		String sharedStrings = null;
		String styles = null;
		int workbooks = 0;
		int sharedStringParts = 0;
		int styleParts = 0;
		for (Map<String, String> override : elements(zip, CONTENT_TYPES, "Override", "ContentType", "PartName")) {
			String type = override.get("ContentType");
			if (WORKBOOK_TYPE.equals(type) || MACRO_WORKBOOK_TYPE.equals(type)) {
				workbook = override.get("PartName");
				workbooks++;
			}
			else if (SHARED_STRINGS_TYPE.equals(type)) {
				sharedStrings = override.get("PartName");
				sharedStringParts++;
			}
			else if (STYLES_TYPE.equals(type)) {
				styles = override.get("PartName");
				styleParts++;
			}
		}
		if (workbooks > 1 || sharedStringParts > 1 || styleParts > 1) {
			throw new FileProblem("exchange.problem.xlsx");
		}
		if (workbook == null) {
			workbook = "/xl/workbook.xml";
		}
		String workbookPart = held(workbook);
		String relations = held(workbookPart.replaceFirst("^(.*/)([^/]+)$", "$1_rels/$2.rels"));
		if (sharedStrings != null) {
			held(sharedStrings);
		}
		if (styles != null) {
			held(styles);
		}
		String folder = relations.substring(0, relations.indexOf("_rel"));
		Map<String, String> targets = new HashMap<>();
		for (Map<String, String> relation : elements(zip, relations, "Relationship", "Id", "Target")) {
			String target = relation.get("Target");
			if (target != null) {
				targets.put(relation.get("Id"), target.startsWith("/") ? target : folder + target);
			}
		}
		String sheet = targets.get(firstSheet(zip, workbookPart));
		if (sheet == null || !scanned.contains(key(strip(sheet)))) {
			throw new FileProblem("exchange.problem.xlsx");
		}
	}

	/** A part the reader holds whole: it must exist, be scanned XML and stay small. */
	private String held(String partName) throws FileProblem {
		String name = key(strip(partName));
		ZipArchiveEntry entry = entries.get(name);
		if (entry == null || !scanned.contains(name)) {
			throw new FileProblem("exchange.problem.xlsx");
		}
		if (inflated.get(name) > UploadLimits.MAX_HELD_PART_BYTES) {
			throw new FileProblem("exchange.problem.xlsxPart", entry.getName(),
					UploadLimits.megabytes(UploadLimits.MAX_HELD_PART_BYTES));
		}
		return entry.getName();
	}

	private String firstSheet(ZipFile zip, String workbookPart) throws IOException, XMLStreamException {
		try (InputStream in = zip.getInputStream(entries.get(key(workbookPart)))) {
			XMLStreamReader reader = factory().createXMLStreamReader(in);
			boolean inSheets = false;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = reader.getLocalName();
					if (name.equals("sheets")) {
						inSheets = true;
					}
					else if (inSheets && name.equals("sheet")) {
						return reader.getAttributeValue(RELATIONSHIPS, "id");
					}
				}
			}
			return null;
		}
	}

	private List<Map<String, String>> elements(ZipFile zip, String part, String element, String... attributes)
			throws IOException, XMLStreamException {
		List<Map<String, String>> found = new ArrayList<>();
		try (InputStream in = zip.getInputStream(entries.get(key(strip(part))))) {
			XMLStreamReader reader = factory().createXMLStreamReader(in);
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(element)) {
					Map<String, String> values = new HashMap<>();
					for (String attribute : attributes) {
						values.put(attribute, reader.getAttributeValue(null, attribute));
					}
					found.add(values);
				}
			}
		}
		return found;
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newInstance();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
		return factory;
	}

	private static String strip(String partName) {
		return partName.startsWith("/") ? partName.substring(1) : partName;
	}

	/** The reader looks parts up ignoring case, so names that differ only so are one. */
	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static boolean xml(String name) {
		return name.endsWith(".xml") || name.endsWith(".rels");
	}

}
