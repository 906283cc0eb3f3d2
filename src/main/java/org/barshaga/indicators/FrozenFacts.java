package org.barshaga.indicators;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.barshaga.kernel.LocalizedName;

/**
 * A year's facts as compressed bytes and back. Measures and dimension values are written
 * by name, not by position, so that a revision frozen today is read correctly after
 * measures or dimension values have been added: a measure the revision does not know is
 * zero, a value it does not know is none.
 */
final class FrozenFacts {

	private static final int FORMAT = 1;

	private FrozenFacts() {
	}

	static byte[] write(YearFacts facts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
			out.writeInt(FORMAT);
			out.writeInt(facts.year);
			out.writeLong(facts.census.toEpochDay());
			out.writeUTF(facts.referenceMonth.toString());
			Dimension[] dimensions = Dimension.values();
			out.writeInt(dimensions.length);
			for (Dimension dimension : dimensions) {
				out.writeUTF(dimension.name());
				writeStrings(out, dimension.codes());
			}
			out.writeInt(facts.places().size());
			for (YearFacts.Place place : facts.places()) {
				out.writeUTF(place.code());
				out.writeUTF(place.path());
				out.writeBoolean(place.organisation());
				out.writeBoolean(place.name() != null);
				if (place.name() != null) {
					out.writeUTF(place.name().kk());
					out.writeUTF(place.name().ru());
					out.writeUTF(place.name().en());
				}
			}
			Map<String, List<String>> children = facts.childUnitsByParent();
			out.writeInt(children.size());
			for (Map.Entry<String, List<String>> parent : children.entrySet()) {
				out.writeUTF(parent.getKey());
				writeStrings(out, parent.getValue());
			}
			out.writeInt(Measure.Scope.values().length);
			for (Measure.Scope scope : Measure.Scope.values()) {
				out.writeUTF(scope.name());
				writeStrings(out, measures(scope).stream().map(Measure::name).toList());
				List<YearFacts.Row> rows = facts.rows(scope);
				out.writeInt(rows.size());
				for (YearFacts.Row row : rows) {
					out.writeUTF(row.path());
					out.writeBoolean(row.organisation());
					out.write(row.dimensions());
					for (double value : row.values()) {
						out.writeDouble(value);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deflater.end();
		}
		return bytes.toByteArray();
	}

	static YearFacts read(byte[] frozen) {
		try (DataInputStream in = new DataInputStream(
				new InflaterInputStream(new ByteArrayInputStream(frozen), new java.util.zip.Inflater(), 1 << 16))) {
			int format = in.readInt();
			if (format != FORMAT) {
				throw new IllegalStateException("Frozen facts of an unknown format " + format);
			}
			int year = in.readInt();
			LocalDate census = LocalDate.ofEpochDay(in.readLong());
			YearMonth month = YearMonth.parse(in.readUTF());
			YearFacts facts = new YearFacts(year, census, month, -1);
			int dimensionCount = in.readInt();
			int[] dimensionOf = new int[dimensionCount];
			int[][] valueOf = new int[dimensionCount][];
			for (int d = 0; d < dimensionCount; d++) {
				Dimension dimension = dimension(in.readUTF());
				List<String> codes = readStrings(in);
				dimensionOf[d] = dimension == null ? -1 : dimension.ordinal();
				valueOf[d] = new int[codes.size()];
				for (int v = 0; v < codes.size(); v++) {
					valueOf[d][v] = dimension == null ? -1 : dimension.index(codes.get(v));
				}
			}
			int placeCount = in.readInt();
			for (int p = 0; p < placeCount; p++) {
				String code = in.readUTF();
				String path = in.readUTF();
				boolean organisation = in.readBoolean();
				LocalizedName name = in.readBoolean() ? new LocalizedName(in.readUTF(), in.readUTF(), in.readUTF())
						: null;
				facts.place(new YearFacts.Place(code, path, name, organisation));
			}
			int parents = in.readInt();
			for (int p = 0; p < parents; p++) {
				String parent = in.readUTF();
				for (String child : readStrings(in)) {
					facts.childUnit(parent, child);
				}
			}
			int scopes = in.readInt();
			byte[] written = new byte[dimensionCount];
			for (int s = 0; s < scopes; s++) {
				Measure.Scope scope = Measure.Scope.valueOf(in.readUTF());
				List<String> measureNames = readStrings(in);
				int[] columnOf = new int[measureNames.size()];
				Map<String, Measure> known = new HashMap<>();
				measures(scope).forEach(m -> known.put(m.name(), m));
				for (int m = 0; m < columnOf.length; m++) {
					Measure measure = known.get(measureNames.get(m));
					columnOf[m] = measure == null ? -1 : measure.column();
				}
				int rows = in.readInt();
				for (int r = 0; r < rows; r++) {
					String path = in.readUTF();
					boolean organisation = in.readBoolean();
					in.readFully(written);
					byte[] dimensions = YearFacts.noDimensions();
					for (int d = 0; d < dimensionCount; d++) {
						if (dimensionOf[d] >= 0 && written[d] >= 0) {
							dimensions[dimensionOf[d]] = (byte) valueOf[d][written[d]];
						}
					}
					double[] values = new double[Measure.columns(scope)];
					for (int m = 0; m < columnOf.length; m++) {
						double value = in.readDouble();
						if (columnOf[m] >= 0) {
							values[columnOf[m]] = value;
						}
					}
					facts.add(path, organisation, dimensions, scope, values);
				}
			}
			facts.seal();
			return facts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Measure> measures(Measure.Scope scope) {
		List<Measure> measures = new ArrayList<>();
		for (Measure measure : Measure.values()) {
			if (measure.scope() == scope) {
				measures.add(measure);
			}
		}
		measures.sort(java.util.Comparator.comparingInt(Measure::column));
		return measures;
	}

	private static Dimension dimension(String name) {
		for (Dimension dimension : Dimension.values()) {
			if (dimension.name().equals(name)) {
				return dimension;
			}
		}
		return null;
	}

	private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
		out.writeInt(strings.size());
		for (String string : strings) {
			out.writeUTF(string);
		}
	}

	private static List<String> readStrings(DataInputStream in) throws IOException {
		int size = in.readInt();
		List<String> strings = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			strings.add(in.readUTF());
		}
		return strings;
	}

}
