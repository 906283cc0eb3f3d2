package org.barshaga.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The body of an API import, streamed to a temporary file as the page's upload is, so
 * that a national file never sits in memory. Its bounds are the page's
 * ({@link UploadLimits}), known from the first bytes: an XLSX workbook is a zip file. A
 * body over its bound, or larger than the room left on the disk of the temporary
 * directory, is refused while it arrives and leaves nothing behind.
 */
final class ReceivedFile {

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * Room kept free on the disk of the temporary directory, for the server's other files
	 * and for the imports already running.
	 */
	static final long DISK_RESERVE_BYTES = 256L * 1024 * 1024;

	private static final byte[] ZIP_SIGNATURE = { 'P', 'K', 3, 4 };

	/** How often the room on the disk is asked again while a body arrives. */
	private static final long DISK_CHECK_EVERY_BYTES = 32L * 1024 * 1024;

	/** A body refused by its size: over the format's bound, or over the room on disk. */
	static final class TooLarge extends Exception {

		private final long limitBytes;

		private final boolean disk;

		TooLarge(long limitBytes, boolean disk) {
			super(disk ? "No room on disk" : "Over the upload limit");
			this.limitBytes = limitBytes;
			this.disk = disk;
		}

		long limitBytes() {
			return limitBytes;
		}

		/** Whether the disk, not the format's bound, refused it. */
		boolean disk() {
			return disk;
		}

	}

	private final Path file;

	private final boolean xlsx;

	private ReceivedFile(Path file, boolean xlsx) {
		this.file = file;
		this.xlsx = xlsx;
	}

	Path file() {
		return file;
	}

	boolean xlsx() {
		return xlsx;
	}

	/**
	 * Saves the body. {@code declaredBytes} is the request's Content-Length, or -1: a
	 * declared size over the bound is refused before a byte is read.
	 */
	static ReceivedFile save(InputStream body, long declaredBytes, String contentType, Path directory)
			throws IOException, TooLarge {
		boolean declaredXlsx = contentType != null && contentType.toLowerCase().startsWith(XLSX_TYPE);
		long room = Files.getFileStore(directory).getUsableSpace() - DISK_RESERVE_BYTES;
		if (declaredBytes > (declaredXlsx ? UploadLimits.MAX_XLSX_BYTES : UploadLimits.MAX_FILE_BYTES)) {
			throw new TooLarge(declaredXlsx ? UploadLimits.MAX_XLSX_BYTES : UploadLimits.MAX_FILE_BYTES, false);
		}
		if (declaredBytes > room) {
			throw new TooLarge(Math.max(0, room), true);
		}
		byte[] buffer = new byte[1 << 16];
		int first = body.readNBytes(buffer, 0, ZIP_SIGNATURE.length);
		boolean xlsx = declaredXlsx || startsWithZipSignature(buffer, first);
		long limit = xlsx ? UploadLimits.MAX_XLSX_BYTES : UploadLimits.MAX_FILE_BYTES;
		Path file = Files.createTempFile(directory, "barshaga-import", xlsx ? ".xlsx" : ".csv");
		boolean saved = false;
		try {
			long total = first;
			long nextDiskCheck = DISK_CHECK_EVERY_BYTES;
			try (OutputStream out = Files.newOutputStream(file)) {
				write(out, buffer, first, room);
				int read;
				while ((read = body.read(buffer)) >= 0) {
					total += read;
					if (total > limit) {
						throw new TooLarge(limit, false);
					}
					if (total >= nextDiskCheck) {
						room = total + Files.getFileStore(directory).getUsableSpace() - DISK_RESERVE_BYTES;
						nextDiskCheck = total + DISK_CHECK_EVERY_BYTES;
					}
					if (total > room) {
						throw new TooLarge(Math.max(0, room), true);
					}
					write(out, buffer, read, room);
				}
			}
			saved = true;
			return new ReceivedFile(file, xlsx);
		}
		finally {
			if (!saved) {
				Files.deleteIfExists(file);
			}
		}
	}

	/** A write the disk refuses (it filled meanwhile) is a body too large for it. */
	private static void write(OutputStream out, byte[] buffer, int length, long room) throws TooLarge {
		try {
			out.write(buffer, 0, length);
		}
		catch (IOException full) {
			throw new TooLarge(Math.max(0, room), true);
		}
	}

	private static boolean startsWithZipSignature(byte[] bytes, int length) {
		if (length < ZIP_SIGNATURE.length) {
			return false;
		}
		for (int i = 0; i < ZIP_SIGNATURE.length; i++) {
			if (bytes[i] != ZIP_SIGNATURE[i]) {
				return false;
			}
		}
		return true;
	}

}
