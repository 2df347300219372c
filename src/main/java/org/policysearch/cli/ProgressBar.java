package org.policysearch.cli;

import java.io.PrintStream;
import org.policysearch.index.CorpusIndexer;

/**
 * Progress of a long indexing run on the terminal: files, MB, rate and ETA, redrawn at most twice a
 * second, only once the run has lasted a couple of seconds (short runs print just the summary).
 */
final class ProgressBar implements CorpusIndexer.Progress {
  static final long SHOW_AFTER_NANOS = 2_000_000_000L;
  static final long REDRAW_NANOS = 500_000_000L;

  private final PrintStream err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void update(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long documents) {
    if (!enabled) return;
    long now = System.nanoTime();
    if (now - start < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS && filesDone < filesTotal) return;
    lastDraw = now;
    double secs = (now - start) / 1e9;
    double mb = bytesDone / 1048576.0;
    double rate = mb / secs;
    double frac = bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal;
    long eta = rate > 0 ? (long) ((bytesTotal - bytesDone) / 1048576.0 / rate) : 0;
    int width = 30;
    int full = (int) Math.round(frac * width);
    err.printf("\r[%s%s] %3.0f%% %d/%d files, %.1f/%.1f MB, %d docs, %.1f MB/s, %.0f docs/s, ETA %d:%02d   ",
        "#".repeat(full), ".".repeat(width - full), frac * 100, filesDone, filesTotal, mb, bytesTotal / 1048576.0, documents,
        rate, documents / secs, eta / 60, eta % 60);
    drawn = true;
  }

  /** A step after the files, said on a line of its own (the bar's line ended first), when the bar is shown at all. */
  void step(String what) {
    if (!enabled) return;
    if (drawn) err.println();
    drawn = false;
    err.println(what + "...");
  }

  void done() {
    if (drawn) err.println();
  }
}
