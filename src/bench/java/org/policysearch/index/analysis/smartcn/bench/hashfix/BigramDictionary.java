/*
 * Licensed to the Apache Software Foundation (ASF) under one or more
 * contributor license agreements.  See the NOTICE file distributed with
 * this work for additional information regarding copyright ownership.
 * The ASF licenses this file to You under the Apache License, Version 2.0
 * (the "License"); you may not use this file except in compliance with
 * the License.  You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
/*
 * Copied from Apache Lucene 10.5.0, lucene/analysis/smartcn (package
 * org.apache.lucene.analysis.cn.smart[.hhmm]), trimmed to what segmentation uses, for benchmarks
 * only; see package-info.java for the one change.
 */
package org.policysearch.index.analysis.smartcn.bench.hashfix;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;

/** SmartChineseAnalyzer Bigram dictionary, with the step-0 probe loop fixed. */
class BigramDictionary extends AbstractDictionary {

  private BigramDictionary() {}

  public static final char WORD_SEGMENT_CHAR = '@';

  private static BigramDictionary singleInstance;

  public static final int PRIME_BIGRAM_LENGTH = 402137;

  /*
   * The word associations are stored as FNV1 hashcodes, which have a small probability of collision, but save memory.
   */
  private long[] bigramHashTable;

  private int[] frequencyTable;

  private int max = 0;

  public static synchronized BigramDictionary getInstance() {
    if (singleInstance == null) {
      singleInstance = new BigramDictionary();
      try {
        singleInstance.load();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ClassNotFoundException e) {
        throw new RuntimeException(e);
      }
    }
    return singleInstance;
  }

  private void load() throws IOException, ClassNotFoundException {
    try (ObjectInputStream input = new ObjectInputStream(resource("bigramdict.mem"))) {
      input.setObjectInputFilter(this::filterObjectInputStream);
      bigramHashTable = (long[]) input.readObject();
      frequencyTable = (int[]) input.readObject();
    }
  }

  /*
   * lookup the index into the frequency array.
   */
  private int getBigramItemIndex(char[] carray) {
    long hashId = hash1(carray);
    int hash1 = (int) (hashId % PRIME_BIGRAM_LENGTH);
    int hash2 = hash2(carray) % PRIME_BIGRAM_LENGTH;
    if (hash1 < 0) hash1 = PRIME_BIGRAM_LENGTH + hash1;
    if (hash2 < 0) hash2 = PRIME_BIGRAM_LENGTH + hash2;
    int index = hash1;
    int i = 1;
    while (bigramHashTable[index] != 0
        && bigramHashTable[index] != hashId
        && i < PRIME_BIGRAM_LENGTH) {
      // THE FIX (the only change from stock): with a step of 0 the index never moves, so the loop
      // would see this same slot until i reaches PRIME_BIGRAM_LENGTH and then report a miss.
      if (hash2 == 0) return -1;
      index = (hash1 + i * hash2) % PRIME_BIGRAM_LENGTH;
      i++;
      if (i > max) max = i;
    }

    if (i < PRIME_BIGRAM_LENGTH && bigramHashTable[index] == hashId) {
      return index;
    } else return -1;
  }

  public int getFrequency(char[] carray) {
    int index = getBigramItemIndex(carray);
    if (index != -1) return frequencyTable[index];
    return 0;
  }
}
