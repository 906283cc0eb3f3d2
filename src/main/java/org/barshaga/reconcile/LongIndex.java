package org.barshaga.reconcile;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A multimap from long keys to int values with open addressing and chained values in flat
 * arrays: the blocking index of a few million entries without a boxed key or a list per
 * key.
 */
final class LongIndex {

	private long[] keys;

	private int[] heads;

	private int[] next = new int[1024];

	private int[] values = new int[1024];

	private int size;

	private int distinct;

	LongIndex(int expectedKeys) {
		int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2 - 1)) << 1;
		keys = new long[capacity];
		heads = new int[capacity];
		Arrays.fill(heads, -1);
	}

	void add(long key, int value) {
		if (distinct * 2 >= keys.length) {
			grow();
		}
		int slot = slot(key);
		if (heads[slot] < 0) {
			keys[slot] = key;
			distinct++;
		}
		else {
			// the same value under the same key twice is one entry
			for (int e = heads[slot]; e >= 0; e = next[e]) {
				if (values[e] == value) {
					return;
				}
			}
		}
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
			next = Arrays.copyOf(next, size * 2);
		}
		values[size] = value;
		next[size] = heads[slot];
		heads[slot] = size++;
	}

	void forEach(long key, IntConsumer action) {
		int slot = slot(key);
		for (int e = heads[slot]; e >= 0; e = next[e]) {
			action.accept(values[e]);
		}
	}

	private int slot(long key) {
		int mask = keys.length - 1;
		int slot = (int) (mix(key) & mask);
		while (heads[slot] >= 0 && keys[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldHeads = heads;
		keys = new long[oldKeys.length * 2];
		heads = new int[oldKeys.length * 2];
		Arrays.fill(heads, -1);
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldHeads[i] >= 0) {
				int slot = slot(oldKeys[i]);
				keys[slot] = oldKeys[i];
				heads[slot] = oldHeads[i];
			}
		}
	}

	private static long mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 29);
	}

}
