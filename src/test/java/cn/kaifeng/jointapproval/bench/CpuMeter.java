package cn.kaifeng.jointapproval.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM (application, job executor and the benchmark's own HTTP
 * clients) and by the embedded PostgreSQL (its postmaster, the backends alive and those it has
 * reaped), from Linux's {@code /proc}. Unlike throughput, CPU per instance hardly moves with what
 * else runs on the machine, so it says where the two systems differ even on a busy machine.
 */
final class CpuMeter {

  /** Clock ticks per second of {@code /proc/.../stat} (USER_HZ, 100 on Linux). */
  private static final double TICK_NANOS = 1e9 / 100;

  private final Long postmaster;

  private CpuMeter(Long postmaster) {
    this.postmaster = postmaster;
  }

  /** The PostgreSQL behind {@code database} is measured only when it runs on this machine. */
  static CpuMeter of(BenchPostgres database) {
    if (!Files.isDirectory(Path.of("/proc/self"))) {
      return new CpuMeter(null);
    }
    try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password()); var statement = connection.createStatement();
        var rows = statement.executeQuery("show data_directory")) {
      rows.next();
      var pidFile = Path.of(rows.getString(1), "postmaster.pid");
      if (!Files.isReadable(pidFile)) {
        return new CpuMeter(null); // an external server elsewhere
      }
      return new CpuMeter(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    } catch (Exception e) {
      return new CpuMeter(null);
    }
  }

  /** This JVM's CPU time in nanoseconds. */
  static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The threads that answer HTTP requests (Tomcat's executor), see {@link #threadNanos}. */
  static final String REQUESTS = "requests";

  /** The job executor's threads (the Camunda Spring Boot starter's task executor). */
  static final String JOBS = "jobs";

  /**
   * CPU time of this JVM's live threads in nanoseconds, summed per group: {@link #REQUESTS},
   * {@link #JOBS} and "other" (the benchmark's clients, Camunda's acquisition, Hikari…). The JVM's
   * own threads (garbage collection, the compilers) are not Java threads and are not in it.
   * Exact per thread, unlike a sampling profiler, which with more runnable threads than cores
   * reaches some threads less often than others.
   */
  static Map<String, Long> threadNanos() {
    var threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new HashMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(info.getThreadId());
      if (nanos < 0) {
        continue; // ended meanwhile
      }
      String name = info.getThreadName();
      String group = isRequestThread(name) ? REQUESTS
          : name.startsWith("camundaTaskExecutor") ? JOBS : "other";
      groups.merge(group, nanos, Long::sum);
    }
    return groups;
  }

  /** Whether a thread is one of Tomcat's request threads ({@link #REQUESTS}). */
  static boolean isRequestThread(String name) {
    return name.startsWith("http-nio-") && name.contains("-exec-");
  }

  /** HotSpot's JIT compiler threads (C1, C2), see {@link #vmThreadNanos}. */
  static final String COMPILERS = "compilers";

  /** The garbage collector's threads (G1's parallel, concurrent and refinement workers). */
  static final String GC = "gc";

  /**
   * CPU time of the JVM's own threads in nanoseconds, per group ({@link #COMPILERS}, {@link #GC}),
   * from Linux's {@code /proc/self/task} (10 ms ticks): these threads are not visible to
   * {@link #threadNanos}. Compilation is the price of a JVM still warming up, not of the work.
   */
  static Map<String, Long> vmThreadNanos() {
    Map<String, Long> groups = new HashMap<>(Map.of(COMPILERS, 0L, GC, 0L));
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String name;
        try {
          name = Files.readString(task.resolve("comm")).trim();
        } catch (IOException | RuntimeException e) {
          continue; // ended meanwhile
        }
        String group = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")
            ? COMPILERS : name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC : null;
        String[] stat = group == null ? null : stat(task);
        if (stat != null) {
          groups.merge(group, (long) ((Long.parseLong(stat[11]) + Long.parseLong(stat[12]))
              * TICK_NANOS), Long::sum);
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return groups;
  }

  /** {@link #threadNanos} and {@link #vmThreadNanos} together. */
  static Map<String, Long> allThreadNanos() {
    Map<String, Long> groups = threadNanos();
    groups.putAll(vmThreadNanos());
    return groups;
  }

  /** PostgreSQL's CPU time in nanoseconds, when it runs here. */
  OptionalLong postgresNanos() {
    if (postmaster == null) {
      return OptionalLong.empty();
    }
    long ticks = ticks(postmaster, true);
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .toList()) {
        String[] stat = stat(process);
        if (stat != null && Long.parseLong(stat[1]) == postmaster) {
          ticks += ticks(Long.parseLong(process.getFileName().toString()), false);
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) (ticks * TICK_NANOS));
  }

  /** utime + stime (+ the reaped children's, for the postmaster). */
  private static long ticks(long pid, boolean withReaped) {
    String[] stat = stat(Path.of("/proc", Long.toString(pid)));
    if (stat == null) {
      return 0;
    }
    // Fields after "(comm)": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    return withReaped ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
  }

  /** The fields of /proc/PID/stat after the command name, or null if it ended. */
  private static String[] stat(Path process) {
    try {
      String line = Files.readString(process.resolve("stat"));
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
