package cn.kaifeng.jointapproval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where benchmarks write their figures: {@code target/bench/<Name>.md} (a markdown section) and
 * {@code <Name>.csv}; {@code report.md} is rebuilt from every section there, so that several
 * benchmarks of one run end up in one report.
 */
public final class BenchReport {

  public static final Path DIR = Path.of("target", "bench");

  private BenchReport() {}

  /** True for a smoke run ({@code -Dbench.smoke=true}): tiny sizes, only checks that it works. */
  public static boolean smoke() {
    return Boolean.getBoolean("bench.smoke");
  }

  public static void write(String name, String markdown, List<String> csvLines) {
    try {
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
      Files.write(DIR.resolve(name + ".csv"), csvLines, StandardCharsets.UTF_8);
      List<Path> sections;
      try (Stream<Path> files = Files.list(DIR)) {
        sections = files.filter(p -> p.getFileName().toString().endsWith(".md"))
            .filter(p -> !p.getFileName().toString().equals("report.md")).sorted().toList();
      }
      var report = new StringBuilder("# Benchmarks\n\n");
      for (Path section : sections) {
        report.append(Files.readString(section, StandardCharsets.UTF_8)).append("\n");
      }
      Files.writeString(DIR.resolve("report.md"), report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Milliseconds at a percentile (nearest rank) of the samples, given in nanoseconds. */
  public static double percentileMs(List<Long> nanos, double percentile) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /** A thread-safe list of samples. */
  public static List<Long> samples() {
    return java.util.Collections.synchronizedList(new ArrayList<>());
  }

  public static String csv(Object... values) {
    return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(","));
  }
}
