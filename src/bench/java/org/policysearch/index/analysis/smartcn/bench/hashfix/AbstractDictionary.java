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

import java.io.InputStream;
import java.io.ObjectInputFilter.FilterInfo;
import java.io.ObjectInputFilter.Status;

/** SmartChineseAnalyzer abstract dictionary implementation (hash functions). */
abstract class AbstractDictionary {
  /** Where the stock classes keep their data, in the smartcn jar. */
  static final String RESOURCE_DIR = "/org/apache/lucene/analysis/cn/smart/hhmm/";

  static InputStream resource(String name) {
    InputStream in = AbstractDictionary.class.getResourceAsStream(RESOURCE_DIR + name);
    if (in == null) throw new IllegalStateException(RESOURCE_DIR + name + " not on the class path");
    return in;
  }

  /**
   * 32-bit FNV Hash Function
   *
   * @param c input character
   * @return hashcode
   */
  public long hash1(char c) {
    final long p = 1099511628211L;
    long hash = 0xcbf29ce484222325L;
    hash = (hash ^ (c & 0x00FF)) * p;
    hash = (hash ^ (c >> 8)) * p;
    hash += hash << 13;
    hash ^= hash >> 7;
    hash += hash << 3;
    hash ^= hash >> 17;
    hash += hash << 5;
    return hash;
  }

  /**
   * 32-bit FNV Hash Function
   *
   * @param carray character array
   * @return hashcode
   */
  public long hash1(char[] carray) {
    final long p = 1099511628211L;
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < carray.length; i++) {
      char d = carray[i];
      hash = (hash ^ (d & 0x00FF)) * p;
      hash = (hash ^ (d >> 8)) * p;
    }
    return hash;
  }

  /**
   * djb2 hash algorithm
   *
   * @param c character
   * @return hashcode
   */
  public int hash2(char c) {
    int hash = 5381;

    /* hash 33 + c */
    hash = ((hash << 5) + hash) + c & 0x00FF;
    hash = ((hash << 5) + hash) + c >> 8;

    return hash;
  }

  /**
   * djb2 hash algorithm
   *
   * @param carray character array
   * @return hashcode
   */
  public int hash2(char[] carray) {
    int hash = 5381;

    /* hash 33 + c */
    for (int i = 0; i < carray.length; i++) {
      char d = carray[i];
      hash = ((hash << 5) + hash) + d & 0x00FF;
      hash = ((hash << 5) + hash) + d >> 8;
    }

    return hash;
  }

  /** Safety filter for {@link java.io.ObjectInputStream} to only allow arrays of primitive types. */
  final Status filterObjectInputStream(FilterInfo info) {
    var cl = info.serialClass();
    if (cl == null) {
      return Status.UNDECIDED;
    }
    while (cl.isArray()) {
      cl = cl.getComponentType();
    }
    return cl.isPrimitive() ? Status.ALLOWED : Status.REJECTED;
  }
}
