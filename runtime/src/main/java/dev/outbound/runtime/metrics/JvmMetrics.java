package dev.outbound.runtime.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** The JVM figures an operator watches a proxy by: heap, threads, garbage collection, files. */
public final class JvmMetrics implements MetricsSource {

  private static final String[] NONE = {};

  @Override
  public void writeTo(PrometheusText out) {
    out.family("process_uptime_seconds", "gauge", "Time since the server's JVM started.");
    out.sample(
        "process_uptime_seconds",
        NONE,
        PrometheusText.seconds(ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L));

    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
    out.family("jvm_memory_used_bytes", "gauge", "Memory in use.");
    out.sample("jvm_memory_used_bytes", new String[] {"area", "heap"}, heap.getUsed());
    out.sample("jvm_memory_used_bytes", new String[] {"area", "nonheap"}, nonHeap.getUsed());
    out.family("jvm_memory_committed_bytes", "gauge", "Memory committed by the JVM.");
    out.sample("jvm_memory_committed_bytes", new String[] {"area", "heap"}, heap.getCommitted());
    out.sample(
        "jvm_memory_committed_bytes", new String[] {"area", "nonheap"}, nonHeap.getCommitted());
    out.family("jvm_memory_max_bytes", "gauge", "The heap's limit.");
    out.sample("jvm_memory_max_bytes", new String[] {"area", "heap"}, heap.getMax());

    out.family("jvm_threads_live", "gauge", "Platform threads (virtual threads are not counted).");
    out.sample("jvm_threads_live", NONE, ManagementFactory.getThreadMXBean().getThreadCount());

    out.family("jvm_gc_collections_total", "counter", "Garbage collections per collector.");
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      out.sample(
          "jvm_gc_collections_total", new String[] {"gc", gc.getName()}, gc.getCollectionCount());
    }
    out.family("jvm_gc_collection_seconds_total", "counter", "Time spent in garbage collection.");
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      out.sample(
          "jvm_gc_collection_seconds_total",
          new String[] {"gc", gc.getName()},
          PrometheusText.seconds(gc.getCollectionTime() * 1_000_000L));
    }

    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      out.family("process_open_fds", "gauge", "Open file descriptors: sockets and files.");
      out.sample("process_open_fds", NONE, unix.getOpenFileDescriptorCount());
      out.family("process_max_fds", "gauge", "The open file descriptor limit.");
      out.sample("process_max_fds", NONE, unix.getMaxFileDescriptorCount());
    }
  }
}
