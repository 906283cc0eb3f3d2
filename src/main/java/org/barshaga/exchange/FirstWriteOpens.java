package org.barshaga.exchange;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that opens the real one at the first byte. A response whose body has
 * not been opened can still become an error page, so an export that is refused before it
 * writes anything (too many rows for XLSX) answers with a page and not a broken file.
 */
final class FirstWriteOpens extends OutputStream {

	interface Opener {

		OutputStream open() throws IOException;

	}

	private final Opener opener;

	private OutputStream out;

	FirstWriteOpens(Opener opener) {
		this.opener = opener;
	}

	private OutputStream out() throws IOException {
		if (out == null) {
			out = opener.open();
		}
		return out;
	}

	@Override
	public void write(int b) throws IOException {
		out().write(b);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		out().write(bytes, offset, length);
	}

	@Override
	public void flush() throws IOException {
		if (out != null) {
			out.flush();
		}
	}

	@Override
	public void close() throws IOException {
		if (out != null) {
			out.close();
		}
	}

}
