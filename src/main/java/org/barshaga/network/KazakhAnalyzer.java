package org.barshaga.network;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Words in lower case, each cut to its stem by {@link KazakhStemmer}. */
final class KazakhAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer tokenizer = new StandardTokenizer();
		return new TokenStreamComponents(tokenizer, new StemFilter(new LowerCaseFilter(tokenizer)));
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new LowerCaseFilter(in);
	}

	private static final class StemFilter extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		StemFilter(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!input.incrementToken()) {
				return false;
			}
			String stem = KazakhStemmer.stem(term.toString());
			term.setEmpty().append(stem);
			return true;
		}

	}

}
