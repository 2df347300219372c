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
/**
 * Stock smartcn with only its bigram hashing bug fixed: the middle column of the smartcn benchmark
 * ({@code SmartcnBenchmark}), between stock and our own segmenter. Benchmark code, not used by the
 * index.
 *
 * <p>These classes are copies of Apache Lucene 10.5.0's smartcn classes (Apache License 2.0, headers
 * kept), trimmed to what segmentation uses: dictionary loading from the {@code .dct} sources,
 * serialisation, {@code toString}, {@code equals} and {@code hashCode} are left out. The stock classes
 * are package-private and fetch each other as singletons, so the fix cannot be injected; copying is
 * the smallest way. They read the same {@code coredict.mem} and {@code bigramdict.mem} from the
 * smartcn jar.
 *
 * <p>The one change is in {@link org.policysearch.index.analysis.smartcn.bench.hashfix.BigramDictionary}
 * {@code getBigramItemIndex}: when the secondary hash is 0 the probe loop would revisit the same slot
 * 402,137 times before reporting a miss; it now reports the miss after the first probe. Results are
 * unchanged (the differential test runs this analyzer too); see docs/smartcn-hash-bug.md.
 */
package org.policysearch.index.analysis.smartcn.bench.hashfix;
