package dev.actionpack.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DurabilityTest {

  private static final int TABLES = 10;
  private static final int ROWS = 500;

  @TempDir
  Path dir;

  @Test
  @DisplayName("The embedded H2 file stays bounded: 30 000 commits on ten tables leave it at a few "
      + "megabytes (written one chunk per commit, the file grew by every commit for good)")
  void shouldKeepTheFileBounded() throws Exception {
    Path file = dir.resolve("bounded.mv.db");
    String url = H2Durability.durable("jdbc:h2:file:" + dir.resolve("bounded"));
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement ddl = connection.createStatement()) {
      for (int t = 0; t < TABLES; t++) {
        ddl.execute("create table term" + t + " (id int primary key, note varchar(200), "
            + "number int)");
        ddl.execute("create index term" + t + "_number on term" + t + " (number)");
        ddl.execute("insert into term" + t + " select x, repeat('x', 100), x from "
            + "system_range(1, " + ROWS + ")");
      }
      Random random = new Random(7);
      int nextId = ROWS + 1;
      for (int i = 0; i < 30_000; i++) {
        int t = random.nextInt(TABLES);
        if (i % 3 == 0) {
          try (PreparedStatement insert = connection.prepareStatement(
              "insert into term" + t + " (id, note, number) values (?, 'y', 1)")) {
            insert.setInt(1, nextId++);
            insert.executeUpdate();
          }
        } else {
          try (PreparedStatement update = connection.prepareStatement(
              "update term" + t + " set number = number + 1 where id = ?")) {
            update.setInt(1, 1 + random.nextInt(ROWS));
            update.executeUpdate();
          }
        }
      }
      // with WRITE_DELAY=0 (every commit its own chunk, never reused: H2's background writer,
      // which rewrites the few live pages of old chunks elsewhere, does not run then) this file
      // was 612 MB, and growing with every commit
      assertThat(Files.size(file)).isLessThan(15_000_000L);
    }
  }

  @Test
  @DisplayName("An H2 file URL gets MAX_COMPACT_TIME=0 unless it sets it; the write delay stays H2's; other databases are left alone")
  void shouldAddOnlyWhatTheUrlDoesNotSet() {
    assertThat(H2Durability.durable("jdbc:h2:file:./data/db;QUERY_CACHE_SIZE=256"))
        .isEqualTo("jdbc:h2:file:./data/db;QUERY_CACHE_SIZE=256;MAX_COMPACT_TIME=0");
    assertThat(H2Durability.durable("jdbc:h2:file:./data/db;max_compact_time=100"))
        .isEqualTo("jdbc:h2:file:./data/db;max_compact_time=100");
    assertThat(H2Durability.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    assertThat(H2Durability.durable("jdbc:postgresql://db/x")).isEqualTo("jdbc:postgresql://db/x");
  }
}
