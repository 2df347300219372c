package org.policysearch.opensearch;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Tokenizer;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.AbstractTokenizerFactory;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.index.mapper.Mapper;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.MapperPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.policysearch.index.analysis.ExactTokenizer;
import org.policysearch.index.analysis.NormalizingCharFilter;

/**
 * The parts of policy-search's analysis that no stock OpenSearch component reproduces, made of the very
 * classes the embedded index runs (docs/opensearch.md): the normalising char filter ({@link NormalizingCharFilter}:
 * widths, traditional to simplified, quotation and title marks, spaces kept only between letters and
 * digits) and the exact-match tokenizers ({@link ExactTokenizer}: units and adjacent unit pairs, a space
 * kept in a pair only where one separated the units). The words chain needs none of ours past the char
 * filter: it is the stock {@code smartcn_tokenizer}, {@code porter_stem} and {@code smartcn_stop}, which is
 * what {@code SmartChineseAnalyzer} with its default stop set is made of.
 *
 * <p>Registered names (index settings refer to them): char filter {@value #NORMALIZE}, tokenizers
 * {@value #EXACT_PAIRS} and {@value #EXACT_UNITS}.
 *
 * <p>And the paragraph vectors of semantic search, which stock OpenSearch has no field for (the k-NN plugin's
 * {@code knn_vector} is not core): the field type {@value VectorFieldMapper#CONTENT_TYPE} and the query
 * {@value VectorQueryBuilder#NAME}, Lucene's own vector field and graph search as the embedded index runs them.
 *
 * <p>And two queries so that the cluster ranks as the embedded index does: {@value PhraseQueryBuilder#NAME}, Lucene's
 * phrase query of given terms (a quoted string's exact pairs), and {@value Bm25QueryBuilder#NAME}, BM25 with
 * parameters of the request's choosing, for the fields policy-search ranks two ways (searches and similar documents).
 *
 * <p>And a hit's passages ({@link PassagesSearchExt}, {@link PassagesFetchSubPhase}): its best paragraphs by the
 * paragraph query, found in the fetch phase at a fraction of what a nested query's inner hits cost.
 */
public final class PolicySearchPlugin extends Plugin implements AnalysisPlugin, MapperPlugin, SearchPlugin {
  public static final String NORMALIZE = "policy_search_normalize";
  public static final String EXACT_PAIRS = "policy_search_exact_pairs";
  public static final String EXACT_UNITS = "policy_search_exact_units";

  @Override
  public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
    return Map.of(NORMALIZE, (indexSettings, env, name, settings) -> new AbstractCharFilterFactory(indexSettings, name) {
      @Override
      public Reader create(Reader reader) {
        return new NormalizingCharFilter(reader);
      }
    });
  }

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of(
        EXACT_PAIRS, (indexSettings, env, name, settings) -> exact(indexSettings, settings, name, ExactTokenizer.Mode.PAIRS),
        EXACT_UNITS, (indexSettings, env, name, settings) -> exact(indexSettings, settings, name, ExactTokenizer.Mode.UNITS));
  }

  private static TokenizerFactory exact(org.opensearch.index.IndexSettings indexSettings, org.opensearch.common.settings.Settings settings,
                                        String name, ExactTokenizer.Mode mode) {
    return new AbstractTokenizerFactory(indexSettings, settings, name) {
      @Override
      public Tokenizer create() {
        return new ExactTokenizer(mode);
      }
    };
  }

  @Override
  public Map<String, Mapper.TypeParser> getMappers() {
    return Map.of(VectorFieldMapper.CONTENT_TYPE, VectorFieldMapper.PARSER);
  }

  @Override
  public java.util.List<QuerySpec<?>> getQueries() {
    return java.util.List.of(new QuerySpec<>(VectorQueryBuilder.NAME, VectorQueryBuilder::new, VectorQueryBuilder::fromXContent),
        new QuerySpec<>(Bm25QueryBuilder.NAME, Bm25QueryBuilder::new, Bm25QueryBuilder::fromXContent),
        new QuerySpec<>(PhraseQueryBuilder.NAME, PhraseQueryBuilder::new, PhraseQueryBuilder::fromXContent));
  }

  @Override
  public java.util.List<SearchExtSpec<?>> getSearchExts() {
    return java.util.List.of(new SearchExtSpec<>(PassagesSearchExt.NAME, PassagesSearchExt::new, PassagesSearchExt::fromXContent));
  }

  @Override
  public java.util.List<org.opensearch.search.fetch.FetchSubPhase> getFetchSubPhases(FetchPhaseConstructionContext context) {
    return java.util.List.of(new PassagesFetchSubPhase());
  }
}
