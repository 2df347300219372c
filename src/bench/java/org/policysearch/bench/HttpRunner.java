package org.policysearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The query mix and throughput over HTTP on loopback: {@code java.net.http} with HTTP/1.1 keep-alive
 * connections (one per concurrent client), every response read to its end and required to be 200.
 */
final class HttpRunner {
  /** One concurrency level of the throughput run. */
  record Throughput(int concurrency, long requests, double seconds, Latencies latencies) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private final HttpClient client;
  private final URI base;

  HttpRunner(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Like {@link InProcessRunner#run}, one client, over HTTP. */
  MixResult mix(QueryMix mix, int warmup, int iterations) {
    MixResult result = new MixResult(mix.requests());
    for (int i = 0; i < warmup; i++) {
      for (QueryMix.Kind k : QueryMix.Kind.values()) {
        List<QueryMix.Request> rs = mix.of(k);
        if (!rs.isEmpty()) once(rs.get(i % rs.size()), null);
      }
    }
    for (int i = 0; i < iterations; i++) {
      for (QueryMix.Kind k : QueryMix.Kind.values()) {
        List<QueryMix.Request> rs = mix.of(k);
        if (!rs.isEmpty()) once(rs.get(i % rs.size()), result);
      }
    }
    return result;
  }

  private void once(QueryMix.Request r, MixResult into) {
    long t0 = System.nanoTime();
    boolean ok = get(r.httpPath());
    long t = System.nanoTime() - t0;
    if (into == null) {
      if (!ok) throw new IllegalStateException("request of the mix failed over HTTP: " + r.httpPath());
      return;
    }
    if (ok) into.add(r, t);
    else into.error(r);
  }

  /**
   * {@code concurrency} clients, each sending the next search of the mix as soon as its last answer is
   * read, for {@code seconds}.
   */
  Throughput throughput(List<QueryMix.Request> requests, int concurrency, double seconds) {
    Latencies lat = new Latencies();
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          QueryMix.Request r = requests.get((int) (next.getAndIncrement() % requests.size()));
          long t0 = System.nanoTime();
          boolean ok = get(r.httpPath());
          if (stop.get()) break; // finished after the bell: not counted
          if (ok) {
            lat.add(System.nanoTime() - t0);
            done.incrementAndGet();
          } else {
            lat.error();
          }
        }
      }, "bench-client-" + c);
      clients.add(t);
    }
    long t0 = System.nanoTime();
    clients.forEach(Thread::start);
    try {
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      double secs = (System.nanoTime() - t0) / 1e9;
      for (Thread t : clients) t.join();
      return new Throughput(concurrency, done.get(), secs, lat);
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private boolean get(String pathAndQuery) {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60)).GET().build();
    try {
      HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      return r.statusCode() == 200 && r.body().length > 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
