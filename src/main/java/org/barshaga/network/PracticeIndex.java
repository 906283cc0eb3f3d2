package org.barshaga.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The full-text index of published practices, in memory. Each practice's text is indexed
 * three times, once per language of the product: Kazakh through {@link KazakhStemmer},
 * Russian and English through Lucene's Snowball-based analyzers. A query word matches
 * when any of its three stems is found, so a word finds its other forms whatever the
 * language of the practice or of the query; every word of the query must match.
 */
final class PracticeIndex implements AutoCloseable {

	static final int MAX_WORDS = 12;

	private static final String ID = "id";

	private static final List<String> LANGUAGES = List.of("kk", "ru", "en");

	private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
			Map.of("kk", new KazakhAnalyzer(), "ru", new RussianAnalyzer(), "en", new EnglishAnalyzer()));

	/** Splits a query into words before each language stems them. */
	private final Analyzer words = new StandardAnalyzer(org.apache.lucene.analysis.CharArraySet.EMPTY_SET);

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** Found practices, best first, and how many matched in all. */
	record Hits(List<Long> ids, long total) {
	}

	PracticeIndex() {
		try {
			writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * Adds a practice, or replaces its text; visible to searches after {@link #refresh}.
	 */
	void put(long id, String text) {
		Document document = new Document();
		document.add(new LongPoint(ID, id));
		document.add(new StoredField(ID, id));
		for (String language : LANGUAGES) {
			document.add(new TextField(language, text, Field.Store.NO));
		}
		try {
			writer.updateDocuments(LongPoint.newExactQuery(ID, id), List.of(document));
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	Hits search(String text, int limit) {
		Query query = query(text);
		if (query == null) {
			return new Hits(List.of(), 0);
		}
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				TopDocs top = searcher.search(query, limit);
				List<Long> ids = new ArrayList<>();
				for (ScoreDoc hit : top.scoreDocs) {
					ids.add(searcher.storedFields().document(hit.doc).getField(ID).numericValue().longValue());
				}
				return new Hits(ids, top.totalHits.value);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * Every word must match; a word matches in any language's stem. Words that are stop
	 * words in every language (и, the) ask for nothing.
	 */
	Query query(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int clauses = 0;
		for (String word : terms(words, "", text)) {
			if (clauses == MAX_WORDS) {
				break;
			}
			BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
			int forms = 0;
			for (String language : LANGUAGES) {
				for (String stem : terms(analyzer, language, word)) {
					anyLanguage.add(new TermQuery(new Term(language, stem)), BooleanClause.Occur.SHOULD);
					forms++;
				}
			}
			if (forms > 0) {
				all.add(anyLanguage.build(), BooleanClause.Occur.MUST);
				clauses++;
			}
		}
		return clauses == 0 ? null : all.build();
	}

	private static Set<String> terms(Analyzer analyzer, String field, String text) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return terms;
	}

	int size() {
		return writer.getDocStats().numDocs;
	}

	@Override
	public void close() {
		try {
			searchers.close();
			writer.close();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

}
