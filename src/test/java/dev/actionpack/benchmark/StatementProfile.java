package dev.actionpack.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one renewal costs in SQL: a renewal day of a few subscriptions on an H2 file whose trace
 * records every statement (H2's TRACE_LEVEL_FILE, switched on after seeding), counted by verb and
 * table and divided by the renewals. Run: {@code ./mvnw -Pbenchmark -DskipTests
 * -Dbenchmark.main=dev.actionpack.benchmark.StatementProfile package exec:exec}.
 */
public final class StatementProfile {

  private static final Pattern STATEMENT = Pattern.compile("/\\*SQL[^*]*\\*/\\s*(\\w+)(.*)");
  private static final Pattern WRITTEN = Pattern.compile("(?i)^\\s*(?:into\\s+)?([\\w.]+)");
  private static final Pattern READ = Pattern.compile("(?i)\\bfrom\\s+([\\w.]+)");

  private StatementProfile() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("benchmark.profile.subscriptions", 200);
    Path dir = Files.createDirectories(Path.of("target", "benchmark"));
    Path trace = dir.resolve("profile.trace.db");
    try (RenewalDay day = RenewalDay.onH2(dir, "profile", List.of(), "")) {
      day.seedDue(n);
      day.jdbc().execute("SET TRACE_MAX_FILE_SIZE 2048");
      day.jdbc().execute("SET TRACE_LEVEL_FILE 2");
      day.renewSeeded(n);
      day.jdbc().execute("SET TRACE_LEVEL_FILE 0");
    }
    Map<String, Integer> counts = new TreeMap<>();
    int[] commits = {0};
    try (Stream<String> lines = Files.lines(trace)) {
      lines.forEach(line -> {
        Matcher statement = STATEMENT.matcher(line);
        if (statement.find()) {
          String verb = statement.group(1).toUpperCase(Locale.ROOT);
          if (verb.equals("COMMIT")) {
            commits[0]++;
          }
          counts.merge(verb + " " + table(verb, statement.group(2)).toUpperCase(Locale.ROOT), 1,
              Integer::sum);
        }
      });
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(Locale.ROOT, "%d renewals: %.1f statements and %.1f commits each%n", n,
        total / (double) n, commits[0] / (double) n);
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> System.out.printf(Locale.ROOT, "  %6.2f  %s%n", e.getValue() / (double) n,
            e.getKey()));
  }

  /** The table an UPDATE or INSERT names first, or a SELECT's or DELETE's first FROM. */
  private static String table(String verb, String rest) {
    String text = rest.replace("\\n", " ");
    boolean writes = verb.equals("UPDATE") || verb.equals("INSERT") || verb.equals("MERGE");
    Matcher m = (writes ? WRITTEN : READ).matcher(text);
    return m.find() ? m.group(1) : "";
  }
}
