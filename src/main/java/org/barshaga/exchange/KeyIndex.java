package org.barshaga.exchange;

import java.util.Arrays;

/**
 * The first line of every natural key seen in a file, so that a repeated row is named
 * with the line it repeats. Keys are held as 64-bit hashes in a primitive open-addressing
 * table: 3.5 million keys take about 100 MB instead of several hundred as strings. Two
 * different keys share a hash with a probability of about 10^-6 for a national file; that
 * would reject a row as a repeat, never accept a wrong one.
 */
final class KeyIndex {

	private long[] keys;

	private int[] lines;

	private int size;

	KeyIndex() {
		keys = new long[1 << 16];
		lines = new int[1 << 16];
	}

	/** Records the key at this line and answers 0, or the earlier line that had it. */
	int putIfAbsent(String key, long line) {
		long hash = hash(key);
		if (hash == 0) {
			hash = 1;
		}
		if (size * 2 >= keys.length) {
			grow();
		}
		int mask = keys.length - 1;
		int slot = (int) (mix(hash) & mask);
		while (keys[slot] != 0) {
			if (keys[slot] == hash) {
				return lines[slot];
			}
			slot = (slot + 1) & mask;
		}
		keys[slot] = hash;
		lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
		size++;
		return 0;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldLines = lines;
		keys = new long[oldKeys.length * 2];
		lines = new int[oldKeys.length * 2];
		int mask = keys.length - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != 0) {
				int slot = (int) (mix(oldKeys[i]) & mask);
				while (keys[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				keys[slot] = oldKeys[i];
				lines[slot] = oldLines[i];
			}
		}
		Arrays.fill(oldKeys, 0);
	}

	/** FNV-1a over the characters, finished with a 64-bit mix. */
	static long hash(String key) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0x100000001b3L;
		}
		return mix(h);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

}
