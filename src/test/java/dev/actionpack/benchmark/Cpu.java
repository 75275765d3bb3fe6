package dev.actionpack.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU time consumed so far: of this JVM (which, on H2, is also the database) and of an external
 * PostgreSQL server (its postmaster and every backend, including those already gone), read from
 * /proc. Differences across a timed window are the CPU that window cost.
 */
final class Cpu {

  /** Linux's USER_HZ: /proc counts CPU time in ticks of 10 ms. */
  private static final double MS_PER_TICK = 10;

  private Cpu() {}

  static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * The PostgreSQL server listening on this port, found by its postmaster's command line; empty
   * when it cannot be found (then its CPU is not counted, and the figures say so).
   */
  static Optional<ProcessHandle> postmaster(int port) {
    return ProcessHandle.allProcesses().filter(process -> {
      List<String> args = List.of(process.info().arguments().orElse(new String[0]));
      int option = args.indexOf("-p");
      return process.info().command().orElse("").endsWith("/postgres") && option >= 0
          && option + 1 < args.size() && args.get(option + 1).equals(Integer.toString(port));
    }).findFirst();
  }

  /**
   * A PostgreSQL server's CPU so far, in ms: the postmaster's own and its reaped children's
   * (utime, stime, cutime, cstime) plus those of its live backends.
   */
  static double serverMs(ProcessHandle postmaster) {
    long ticks = ticks(postmaster.pid(), true);
    for (ProcessHandle backend : (Iterable<ProcessHandle>) postmaster.children()::iterator) {
      ticks += ticks(backend.pid(), false);
    }
    return ticks * MS_PER_TICK;
  }

  private static long ticks(long pid, boolean withReapedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the fields after the command name, which is in parentheses: state is field 3
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return withReapedChildren
          ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    } catch (java.io.IOException gone) {
      return 0;
    }
  }
}
