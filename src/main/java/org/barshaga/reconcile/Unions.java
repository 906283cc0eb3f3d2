package org.barshaga.reconcile;

/**
 * Disjoint sets over the indices of an array: records joined into clusters, clusters into
 * children. A set is named by its smallest member, whatever the order of the unions.
 */
final class Unions {

	private Unions() {
	}

	static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	static void union(int[] parent, int a, int b) {
		int x = find(parent, a);
		int y = find(parent, b);
		if (x != y) {
			parent[Math.max(x, y)] = Math.min(x, y);
		}
	}

}
