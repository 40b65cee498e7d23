package dev.outbound.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Target 7: opens CONNECTIONS keep-alive connections, then sends requests over them at a fixed total
 * RATE for SECONDS, each connection in its turn (connection i sends at {@code start + i*period/N +
 * k*period}, {@code period = N/RATE}), one virtual thread per connection.
 *
 * <p>Latency is measured from the moment a request was due, not from when it went out, so a server
 * that falls behind is charged for the wait (no coordinated omission). A connection the server closes
 * or that fails counts as an error and is not reopened.
 *
 * <p>{@code java -jar bench-load.jar HOST PORT CONNECTIONS RATE SECONDS REQUEST_FILE} where
 * REQUEST_FILE holds one raw HTTP/1.1 request; prints one line of {@code key=value} results.
 */
public final class HeldConnections {

  private static final int CONNECT_PARALLELISM = 32;
  private static final int READ_TIMEOUT_MS = 10_000;

  private final InetSocketAddress address;
  private final byte[] request;
  private final long[] latencies;
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong badStatus = new AtomicLong();

  private HeldConnections(InetSocketAddress address, byte[] request, int capacity) {
    this.address = address;
    this.request = request;
    this.latencies = new long[capacity];
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: HeldConnections HOST PORT CONNECTIONS RATE SECONDS REQUEST_FILE");
      System.exit(2);
    }
    InetSocketAddress address = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    int connections = Integer.parseInt(args[2]);
    int rate = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    byte[] request = Files.readAllBytes(Path.of(args[5]));
    new HeldConnections(address, request, rate * seconds + connections).run(connections, rate, seconds);
  }

  private void run(int count, int rate, int seconds) throws InterruptedException {
    long connectStart = System.nanoTime();
    Socket[] sockets = connectAll(count);
    long connectNanos = System.nanoTime() - connectStart;
    int open = (int) Arrays.stream(sockets).filter(s -> s != null).count();

    long period = (long) count * 1_000_000_000L / rate;
    long start = System.nanoTime() + 1_000_000_000L;
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>(count);
    AtomicInteger stillOpen = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      Socket socket = sockets[i];
      if (socket == null) {
        continue;
      }
      long first = start + (long) i * period / count;
      threads.add(Thread.ofVirtual().start(() -> {
        if (drive(socket, first, period, end)) {
          stillOpen.incrementAndGet();
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    int n = Math.min(recorded.get(), latencies.length);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    System.out.printf(
        "connections=%d open=%d held=%d connect_s=%.2f requests=%d rate=%.1f errors=%d bad_status=%d"
            + " p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
        count, open, stillOpen.get(), connectNanos / 1e9, n, n / (double) seconds, errors.get(), badStatus.get(),
        percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), percentile(sorted, 0.999),
        n == 0 ? 0.0 : sorted[n - 1] / 1e6);
  }

  /** Opens every connection, a few at a time so the listen backlog is never the bottleneck. */
  private Socket[] connectAll(int count) throws InterruptedException {
    Socket[] sockets = new Socket[count];
    Semaphore slots = new Semaphore(CONNECT_PARALLELISM);
    List<Thread> threads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      slots.acquire();
      threads.add(Thread.ofVirtual().start(() -> {
        try {
          Socket socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(address, READ_TIMEOUT_MS);
          socket.setSoTimeout(READ_TIMEOUT_MS);
          sockets[index] = socket;
        } catch (IOException e) {
          errors.incrementAndGet();
        } finally {
          slots.release();
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return sockets;
  }

  /** Sends on schedule until {@code end}; whether the connection was still usable at the end. */
  private boolean drive(Socket socket, long first, long period, long end) {
    try {
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1024);
      for (long due = first; due < end; due += period) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        out.write(request);
        out.flush();
        int status = readResponse(in);
        record(System.nanoTime() - due);
        if (status != 200) {
          badStatus.incrementAndGet();
        }
      }
      return true;
    } catch (IOException e) {
      errors.incrementAndGet();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void record(long nanos) {
    int slot = recorded.getAndIncrement();
    if (slot < latencies.length) {
      latencies[slot] = nanos;
    }
  }

  /** Reads one response with a Content-Length body; returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    if (statusLine == null) {
      throw new IOException("connection closed by the server");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = 0;
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("content-length")) {
        length = Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    in.skipNBytes(length);
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
      }
      line.append((char) c);
    }
    return line.isEmpty() ? null : line.toString();
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0.0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing at the end of the run; nothing depends on it
      }
    }
  }
}
