package org.policysearch.bench;

import java.util.Arrays;

/** Latency samples of one class of requests, in nanoseconds, and their percentiles (nearest rank). */
public final class Latencies {
  private long[] samples = new long[256];
  private int n;
  private int errors;

  public synchronized void add(long nanos) {
    if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
    samples[n++] = nanos;
  }

  public synchronized void error() {
    errors++;
  }

  public synchronized void addAll(Latencies other) {
    long[] o;
    int on;
    synchronized (other) {
      o = Arrays.copyOf(other.samples, other.n);
      on = other.n;
      errors += other.errors;
    }
    for (int i = 0; i < on; i++) add(o[i]);
  }

  public synchronized int count() {
    return n;
  }

  public synchronized int errors() {
    return errors;
  }

  /** The p-th percentile (0 < p ≤ 100) in milliseconds, by nearest rank; NaN without samples. */
  public synchronized double percentileMs(double p) {
    if (n == 0) return Double.NaN;
    long[] s = Arrays.copyOf(samples, n);
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * n);
    return s[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
  }

  public double p50() {
    return percentileMs(50);
  }

  public double p95() {
    return percentileMs(95);
  }

  public double p99() {
    return percentileMs(99);
  }

  public synchronized double meanMs() {
    if (n == 0) return Double.NaN;
    double sum = 0;
    for (int i = 0; i < n; i++) sum += samples[i];
    return sum / n / 1e6;
  }
}
