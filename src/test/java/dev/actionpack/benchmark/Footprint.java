package dev.actionpack.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The H2 database's bytes on disk, compacted, after a renewal day: the runtime tables alone, the
 * history of the instances that ended (the terms that ended that day) and all history. H2's
 * per-table DISK_SPACE_USED counts only pages already written and misses whole tables at this
 * size, so a consistent online backup is compacted three times: as it is, with the history of
 * running instances removed, and with all history removed.
 */
record Footprint(long runtimeBytes, long endedInstancesHistoryBytes, long historyBytes) {

  static Footprint measure(JdbcTemplate jdbc, Path copy) throws Exception {
    Path zip = Path.of(copy + ".zip");
    Files.deleteIfExists(zip);
    Benchmark.deleteDatabase(copy);
    jdbc.execute("BACKUP TO '" + zip.toAbsolutePath() + "'");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      in.getNextEntry();
      Files.copy(in, Path.of(copy + ".mv.db"));
    }
    String url = "jdbc:h2:file:" + copy.toAbsolutePath();
    long all = compacted(url, copy, statement -> { });
    long ended = compacted(url, copy, statement -> {
      for (String[] table : historyTables(statement)) {
        if (table[0].equals("ACT_HI_PROCINST")) {
          statement.execute("delete from ACT_HI_PROCINST where END_TIME_ is null");
        } else if (table[1] != null) {
          statement.execute("delete from \"" + table[0] + "\" where " + table[1] + " in "
              + "(select ID_ from ACT_HI_PROCINST where END_TIME_ is null)");
        }
      }
    });
    long runtime = compacted(url, copy, statement -> {
      for (String[] table : historyTables(statement)) {
        statement.execute("truncate table \"" + table[0] + "\"");
      }
    });
    Benchmark.deleteDatabase(copy);
    Files.deleteIfExists(zip);
    return new Footprint(runtime, ended - runtime, all - runtime);
  }

  private static long compacted(String url, Path copy, Change change) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      change.apply(statement);
      statement.execute("SHUTDOWN COMPACT");
    }
    return Files.size(Path.of(copy + ".mv.db"));
  }

  /**
   * Each history table and the column naming its process instance: the root instance where the
   * table has one (every history row of a call hierarchy carries it), else the instance, else
   * none (rows outside any instance, which stay).
   */
  private static List<String[]> historyTables(Statement statement) throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("select t.table_name, (select max(c.column_name) "
        + "from information_schema.columns c where c.table_schema = t.table_schema and "
        + "c.table_name = t.table_name and c.column_name in ('ROOT_PROC_INST_ID_', "
        + "'PROC_INST_ID_')) from information_schema.tables t where t.table_schema = 'PUBLIC' "
        + "and t.table_name like 'ACT\\_HI\\_%'")) {
      while (rows.next()) {
        tables.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    return tables;
  }

  private interface Change {
    void apply(Statement statement) throws SQLException;
  }
}
