package dev.outbound.bench.jmh;

import dev.outbound.host.Authority;
import dev.outbound.host.HostMatcher;
import dev.outbound.host.HostNormalizer;
import dev.outbound.host.InvalidHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target 5: host lookup in a class with 10 exact hosts against one with 10,000, through {@link
 * HostMatcher}, the structure the generated {@code _OutboundRoutes} classes use.
 *
 * <p>Both sizes probe the same number of distinct destinations (1,024 authorities drawn uniformly
 * from the table, so the small table repeats them), so the probe side touches the same memory and
 * only the table differs. {@code hit} looks up prebuilt authorities; {@code normalizeAndHit} also
 * normalises the host text, as each request does; {@code miss} looks up a host no route names;
 * {@code hotHit} repeats 8 probes, so both tables stay in cache and only the algorithm differs;
 * {@code flatMapHit} looks the same probes up in a plain {@code Map.copyOf} of host to value, the
 * JDK's own immutable map, for comparison.
 *
 * <p>Each size is best run in its own JMH run, sizes alternating ({@code -p hosts=10}, then {@code
 * -p hosts=10000}, repeated), as {@code bench/run} does: at 10–30 ns a lookup is a few cache
 * misses, and on a shared machine a burst of load during one size's run moves the ratio more than
 * the table does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HostLookupBenchmark {

  private static final int PROBES = 1024;

  @Param({"10", "10000"})
  public int hosts;

  private HostMatcher<String> matcher;
  private Map<String, String> flat;
  private Authority[] probes;
  private String[] probeTexts;
  private Authority missing;
  private int next;

  @Setup
  public void setUp() throws InvalidHostException {
    HostMatcher.Builder<String> builder = HostMatcher.builder();
    for (int i = 0; i < hosts; i++) {
      builder.add(hostName(i), "route-" + i);
    }
    matcher = builder.build();
    Map<String, String> flatHosts = new HashMap<>();
    for (int i = 0; i < hosts; i++) {
      flatHosts.put(hostName(i), "route-" + i);
    }
    flat = Map.copyOf(flatHosts);
    SplittableRandom random = new SplittableRandom(42);
    probes = new Authority[PROBES];
    probeTexts = new String[PROBES];
    for (int i = 0; i < PROBES; i++) {
      // new String: every probe its own object, as every request parses its own
      probeTexts[i] = new String(hostName(random.nextInt(hosts)));
      probes[i] = HostNormalizer.normalize(probeTexts[i], 80);
    }
    missing = HostNormalizer.normalize("not-routed.example.com", 80);
  }

  private static String hostName(int i) {
    return "api-" + i + ".service" + (i % 97) + ".example.com";
  }

  @Benchmark
  public String hit() {
    Authority authority = probes[next];
    next = (next + 1) & (PROBES - 1);
    return matcher.match(authority);
  }

  @Benchmark
  public String normalizeAndHit() throws InvalidHostException {
    String text = probeTexts[next];
    next = (next + 1) & (PROBES - 1);
    return matcher.match(HostNormalizer.normalize(text, 80));
  }

  @Benchmark
  public String hotHit() {
    Authority authority = probes[next];
    next = (next + 1) & 7;
    return matcher.match(authority);
  }

  @Benchmark
  public String flatMapHit() {
    Authority authority = probes[next];
    next = (next + 1) & (PROBES - 1);
    return flat.get(authority.host());
  }

  @Benchmark
  public String miss() {
    return matcher.match(missing);
  }
}
