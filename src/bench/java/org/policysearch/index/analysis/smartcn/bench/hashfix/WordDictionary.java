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
import org.apache.lucene.analysis.cn.smart.Utility;

/** SmartChineseAnalyzer Word Dictionary */
class WordDictionary extends AbstractDictionary {

  private WordDictionary() {}

  private static WordDictionary singleInstance;

  /** Large prime number for hash function */
  public static final int PRIME_INDEX_LENGTH = 12071;

  private short[] wordIndexTable;

  private char[] charIndexTable;

  private char[][][] wordItem_charArrayTable;

  private int[][] wordItem_frequencyTable;

  /**
   * Get the singleton dictionary instance.
   *
   * @return singleton
   */
  public static synchronized WordDictionary getInstance() {
    if (singleInstance == null) {
      singleInstance = new WordDictionary();
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

  /** Load coredict.mem from the smartcn jar. */
  public void load() throws IOException, ClassNotFoundException {
    try (ObjectInputStream input = new ObjectInputStream(resource("coredict.mem"))) {
      input.setObjectInputFilter(this::filterObjectInputStream);
      wordIndexTable = (short[]) input.readObject();
      charIndexTable = (char[]) input.readObject();
      wordItem_charArrayTable = (char[][][]) input.readObject();
      wordItem_frequencyTable = (int[][]) input.readObject();
    }
  }

  private short getWordItemTableIndex(char c) {
    int hash1 = (int) (hash1(c) % PRIME_INDEX_LENGTH);
    int hash2 = hash2(c) % PRIME_INDEX_LENGTH;
    if (hash1 < 0) hash1 = PRIME_INDEX_LENGTH + hash1;
    if (hash2 < 0) hash2 = PRIME_INDEX_LENGTH + hash2;
    int index = hash1;
    int i = 1;
    while (charIndexTable[index] != 0 && charIndexTable[index] != c && i < PRIME_INDEX_LENGTH) {
      index = (hash1 + i * hash2) % PRIME_INDEX_LENGTH;
      i++;
    }

    if (i < PRIME_INDEX_LENGTH && charIndexTable[index] == c) {
      return (short) index;
    } else return -1;
  }

  /**
   * Look up the text string corresponding with the word char array, and return the position of the
   * word list.
   *
   * @param knownHashIndex already figure out position of the first word symbol charArray[0] in hash
   *     table.
   * @param charArray look up the char array corresponding with the word.
   * @return word location in word array. If not found, then return -1.
   */
  private int findInTable(short knownHashIndex, char[] charArray) {
    if (charArray == null || charArray.length == 0) return -1;

    char[][] items = wordItem_charArrayTable[wordIndexTable[knownHashIndex]];
    int start = 0, end = items.length - 1;
    int mid = (start + end) / 2, cmpResult;

    // Binary search for the index of idArray
    while (start <= end) {
      cmpResult = Utility.compareArray(items[mid], 0, charArray, 1);

      if (cmpResult == 0) return mid; // find it
      else if (cmpResult < 0) start = mid + 1;
      else if (cmpResult > 0) end = mid - 1;

      mid = (start + end) / 2;
    }
    return -1;
  }

  /**
   * Find the first word in the dictionary that starts with the supplied prefix
   *
   * @param charArray input prefix
   * @return index of word, or -1 if not found
   */
  public int getPrefixMatch(char[] charArray) {
    return getPrefixMatch(charArray, 0);
  }

  /**
   * Find the nth word in the dictionary that starts with the supplied prefix
   *
   * @param charArray input prefix
   * @param knownStart relative position in the dictionary to start
   * @return index of word, or -1 if not found
   */
  public int getPrefixMatch(char[] charArray, int knownStart) {
    short index = getWordItemTableIndex(charArray[0]);
    if (index == -1) return -1;
    char[][] items = wordItem_charArrayTable[wordIndexTable[index]];
    int start = knownStart, end = items.length - 1;

    int mid = (start + end) / 2, cmpResult;

    // Binary search for the index of idArray
    while (start <= end) {
      cmpResult = Utility.compareArrayByPrefix(charArray, 1, items[mid], 0);
      if (cmpResult == 0) {
        // Get the first item which match the current word
        while (mid >= 0 && Utility.compareArrayByPrefix(charArray, 1, items[mid], 0) == 0) mid--;
        mid++;
        return mid; // Find the first word that uses charArray as prefix.
      } else if (cmpResult < 0) end = mid - 1;
      else start = mid + 1;
      mid = (start + end) / 2;
    }
    return -1;
  }

  /**
   * Get the frequency of a word from the dictionary
   *
   * @param charArray input word
   * @return word frequency, or zero if the word is not found
   */
  public int getFrequency(char[] charArray) {
    short hashIndex = getWordItemTableIndex(charArray[0]);
    if (hashIndex == -1) return 0;
    int itemIndex = findInTable(hashIndex, charArray);
    if (itemIndex != -1) return wordItem_frequencyTable[wordIndexTable[hashIndex]][itemIndex];
    return 0;
  }

  /**
   * Return true if the dictionary entry at itemIndex for table charArray[0] is charArray
   *
   * @param charArray input word
   * @param itemIndex item index for table charArray[0]
   * @return true if the entry exists
   */
  public boolean isEqual(char[] charArray, int itemIndex) {
    short hashIndex = getWordItemTableIndex(charArray[0]);
    return Utility.compareArray(
            charArray, 1, wordItem_charArrayTable[wordIndexTable[hashIndex]][itemIndex], 0)
        == 0;
  }
}
