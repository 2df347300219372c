package org.policysearch.index.analysis.smartcn;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;

/**
 * smartcn's two dictionaries, read from the smartcn jar's own data files ({@code coredict.mem},
 * {@code bigramdict.mem}) once per JVM into primitive arrays that all threads share read-only:
 * {@link WordTrie} and {@link BigramTable}.
 *
 * <p>Nothing here calls into the stock classes or reflects into them: the files are Java-serialised
 * arrays, read as data. Equivalence with the stock lookups is argued in the two classes and tested
 * lookup by lookup in {@code SmartcnDictionariesTest}.
 */
public final class SmartcnDictionaries {
  /** Where smartcn keeps its data, inside its jar. */
  static final String RESOURCE_DIR = "/org/apache/lucene/analysis/cn/smart/hhmm/";

  final WordTrie words;
  final BigramTable bigrams;

  /** Frequencies of smartcn's pseudo-words for a run of letters, a number, sentence start and end. */
  final int stringFrequency;

  final int numberFrequency;
  final int startFrequency;
  final int endFrequency;

  private static final class Holder {
    static final SmartcnDictionaries INSTANCE = load();
  }

  /** The shared instance, loaded on first use (about half a second, some 20 MB of heap). */
  public static SmartcnDictionaries get() {
    return Holder.INSTANCE;
  }

  private static SmartcnDictionaries load() {
    try {
      Object[] core = readArrays("coredict.mem", 4);
      Object[] bigram = readArrays("bigramdict.mem", 2);
      return new SmartcnDictionaries(
          (short[]) core[0],
          (char[]) core[1],
          (char[][][]) core[2],
          (int[][]) core[3],
          (long[]) bigram[0],
          (int[]) bigram[1]);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read smartcn's dictionaries from its jar", e);
    }
  }

  /**
   * Reads the Java-serialised arrays of one smartcn data file as plain data: the stream filter admits
   * arrays of primitives only, as stock smartcn's own does, so no class of ours or theirs is involved.
   */
  static Object[] readArrays(String name, int count) throws IOException {
    InputStream raw = SmartcnDictionaries.class.getResourceAsStream(RESOURCE_DIR + name);
    if (raw == null) {
      throw new IOException(
          RESOURCE_DIR + name + " not found: lucene-analysis-smartcn must be on the class path");
    }
    try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(raw, 1 << 16))) {
      in.setObjectInputFilter(SmartcnDictionaries::onlyPrimitiveArrays);
      Object[] result = new Object[count];
      for (int i = 0; i < count; i++) result[i] = in.readObject();
      return result;
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException(name + " does not hold the arrays smartcn 10.5.0 stores", e);
    }
  }

  private static ObjectInputFilter.Status onlyPrimitiveArrays(ObjectInputFilter.FilterInfo info) {
    Class<?> c = info.serialClass();
    if (c == null) return ObjectInputFilter.Status.UNDECIDED;
    while (c.isArray()) c = c.getComponentType();
    return c.isPrimitive() ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  }

  /** Builds the structures from the arrays of {@code coredict.mem} and {@code bigramdict.mem}. */
  SmartcnDictionaries(
      short[] wordIndexTable,
      char[] charIndexTable,
      char[][][] rows,
      int[][] rowFrequencies,
      long[] bigramHashes,
      int[] bigramFrequencies) {
    if (wordIndexTable.length != charIndexTable.length) {
      throw new IllegalStateException("coredict.mem: the two character tables differ in size");
    }
    this.words = new WordTrie(wordIndexTable, charIndexTable, rows, rowFrequencies);
    this.stringFrequency =
        WordTrie.frequencyOf("未##串", wordIndexTable, charIndexTable, rows, rowFrequencies);
    this.numberFrequency =
        WordTrie.frequencyOf("未##数", wordIndexTable, charIndexTable, rows, rowFrequencies);
    this.startFrequency =
        WordTrie.frequencyOf("始##始", wordIndexTable, charIndexTable, rows, rowFrequencies);
    this.endFrequency =
        WordTrie.frequencyOf("末##末", wordIndexTable, charIndexTable, rows, rowFrequencies);
    this.bigrams = new BigramTable(bigramHashes, bigramFrequencies);
  }
}
