package org.policysearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Watches the corpus folder and runs a reindex a moment after files stop changing (a copy of many files
 * triggers one run, not hundreds).
 */
final class CorpusWatcher {
  static final long QUIET_MILLIS = 2000;

  private CorpusWatcher() {}

  static void start(Path corpus, Runnable reindex, PrintStream err) throws IOException {
    WatchService ws = FileSystems.getDefault().newWatchService();
    register(corpus, ws);
    Thread t = new Thread(() -> {
      try {
        while (true) {
          WatchKey key = ws.take();
          boolean changed = drain(key, ws);
          // wait until the folder has been quiet for a moment
          WatchKey more;
          while ((more = ws.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) changed |= drain(more, ws);
          if (changed) {
            register(corpus, ws);
            reindex.run();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        err.println("watching " + corpus + " stopped: " + e.getMessage());
      }
    }, "corpus-watch");
    t.setDaemon(true);
    t.start();
  }

  private static boolean drain(WatchKey key, WatchService ws) {
    boolean changed = !key.pollEvents().isEmpty();
    key.reset();
    return changed;
  }

  private static void register(Path root, WatchService ws) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (dir.getFileName() != null && dir.getFileName().toString().startsWith(".") && !dir.equals(root)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
