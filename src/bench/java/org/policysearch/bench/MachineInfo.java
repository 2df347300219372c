package org.policysearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: cores, CPU, memory, JDK, and how busy the machine was. */
public record MachineInfo(int cores, String cpu, long memoryBytes, String jdk, String os) {
  public static MachineInfo current() {
    String cpu = "unknown";
    long mem = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("MemTotal:")) {
          mem = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave unknown
    }
    String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vendor") + ")";
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpu, mem, jdk, os);
  }

  /**
   * CPU time, in seconds, that the whole machine and this process (with its waited-for children: the
   * server JVMs) have used since boot, from /proc; NaNs where /proc is missing. The difference over a
   * run is what other processes took from the benchmark.
   */
  public record CpuTimes(double machineBusy, double own) {
    static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static CpuTimes now() {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.UTF_8).get(0).strip().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) busy += Long.parseLong(cpu[i]); // user nice system irq softirq steal
        String self = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.UTF_8);
        String[] f = self.substring(self.lastIndexOf(')') + 2).strip().split("\\s+");
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return new CpuTimes(busy / TICKS_PER_SECOND, own / TICKS_PER_SECOND);
      } catch (IOException | RuntimeException e) {
        return new CpuTimes(Double.NaN, Double.NaN);
      }
    }

    /** CPU seconds other processes used between {@code before} and this. */
    public double othersSince(CpuTimes before) {
      return Math.max(0, (machineBusy - before.machineBusy) - (own - before.own));
    }
  }

  /** The 1-, 5- and 15-minute load averages, or NaNs where /proc/loadavg is missing. */
  public static double[] loadAverage() {
    try {
      List<String> parts = List.of(Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip().split("\\s+"));
      return new double[] {Double.parseDouble(parts.get(0)), Double.parseDouble(parts.get(1)), Double.parseDouble(parts.get(2))};
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
  }
}
