package org.barshaga.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a longer result, with what a pager needs to draw itself. */
public record ResultPage<T>(List<T> items, int page, int pageSize, long total) {

	public ResultPage {
		items = List.copyOf(items);
	}

	public int pageCount() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < pageCount();
	}

	/** The one-based number of the first item on this page, for "21-40 of 135". */
	public long firstItemNumber() {
		return items.isEmpty() ? 0 : (long) page * pageSize + 1;
	}

	public long lastItemNumber() {
		return (long) page * pageSize + items.size();
	}

	public <R> ResultPage<R> map(Function<T, R> mapper) {
		return new ResultPage<>(items.stream().map(mapper).toList(), page, pageSize, total);
	}

}
