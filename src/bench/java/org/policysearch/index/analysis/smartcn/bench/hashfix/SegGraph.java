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

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.internal.hppc.IntObjectHashMap;

/** Graph representing possible tokens at each start offset in the sentence. */
class SegGraph {

  /** Map of start offsets to ArrayList of tokens at that position */
  private IntObjectHashMap<ArrayList<SegToken>> tokenListTable = new IntObjectHashMap<>();

  private int maxStart = -1;

  public boolean isStartExist(int s) {
    return tokenListTable.get(s) != null;
  }

  public List<SegToken> getStartList(int s) {
    return tokenListTable.get(s);
  }

  public int getMaxStart() {
    return maxStart;
  }

  /**
   * Set the {@link SegToken#index} for each token, based upon its order by startOffset.
   *
   * @return a {@link List} of these ordered tokens.
   */
  public List<SegToken> makeIndex() {
    List<SegToken> result = new ArrayList<>();
    int s = -1, count = 0, size = tokenListTable.size();
    List<SegToken> tokenList;
    int index = 0;
    while (count < size) {
      if (isStartExist(s)) {
        tokenList = tokenListTable.get(s);
        for (SegToken st : tokenList) {
          st.index = index;
          result.add(st);
          index++;
        }
        count++;
      }
      s++;
    }
    return result;
  }

  /**
   * Add a {@link SegToken} to the mapping, creating a new mapping at the token's startOffset if one
   * does not exist.
   *
   * @param token {@link SegToken}
   */
  public void addToken(SegToken token) {
    int s = token.startOffset;
    if (!isStartExist(s)) {
      ArrayList<SegToken> newlist = new ArrayList<>();
      newlist.add(token);
      tokenListTable.put(s, newlist);
    } else {
      List<SegToken> tokenList = tokenListTable.get(s);
      tokenList.add(token);
    }
    if (s > maxStart) maxStart = s;
  }
}
