package org.barshaga.generator;

import java.time.LocalDate;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;

/**
 * Unique valid IINs for one region. Each region owns a block of 500 serials per birth
 * date and sex, so regions never collide; within the block serials are handed out in a
 * scrambled order, skipping the serials for which no check digit exists.
 */
final class IinSerials {

	static final int BLOCK = 500;

	private static final long FIRST_DAY = LocalDate.of(1940, 1, 1).toEpochDay();

	private static final long LAST_DAY = LocalDate.of(2099, 12, 31).toEpochDay();

	private final int base;

	private final short[] used;

	IinSerials(int regionIndex) {
		if (regionIndex < 0 || (regionIndex + 1) * BLOCK > 10_000) {
			throw new IllegalArgumentException("Region index out of range: " + regionIndex);
		}
		this.base = regionIndex * BLOCK;
		this.used = new short[(int) (LAST_DAY - FIRST_DAY + 1) * 2];
	}

	String next(LocalDate birth, Sex sex) {
		long day = birth.toEpochDay();
		if (day < FIRST_DAY || day > LAST_DAY) {
			throw new IllegalArgumentException("Birth date out of range: " + birth);
		}
		int slot = (int) (day - FIRST_DAY) * 2 + (sex == Sex.MALE ? 0 : 1);
		while (true) {
			int count = used[slot]++;
			if (count >= BLOCK) {
				throw new IllegalStateException("No IIN serials left for " + birth + " " + sex);
			}
			int serial = base + (int) ((count * 317L + slot * 7919L) % BLOCK);
			String iin = Iin.of(birth, sex, serial);
			if (serialOf(iin) == serial) {
				return iin;
			}
		}
	}

	private static int serialOf(String iin) {
		return (iin.charAt(7) - '0') * 1000 + (iin.charAt(8) - '0') * 100 + (iin.charAt(9) - '0') * 10
				+ (iin.charAt(10) - '0');
	}

}
