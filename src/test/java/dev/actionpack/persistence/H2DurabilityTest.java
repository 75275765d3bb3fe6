package dev.actionpack.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DurabilityTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("The embedded H2 file stays bounded when every commit is written at once: 20 000 "
      + "commits on 2 000 rows do not grow it past a few megabytes")
  void shouldReuseTheSpaceOfOldChunks() throws Exception {
    Path file = dir.resolve("bounded.mv.db");
    String url = H2Durability.durable("jdbc:h2:file:" + dir.resolve("bounded"));
    assertThat(url).contains("WRITE_DELAY=0");
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement ddl = connection.createStatement()) {
      ddl.execute("create table term (id int primary key, note varchar(200), number int)");
      ddl.execute("create index term_number on term (number)");
      try (PreparedStatement insert = connection.prepareStatement(
          "insert into term (id, note, number) values (?, ?, 1)")) {
        for (int i = 0; i < 2_000; i++) {
          insert.setInt(1, i);
          insert.setString(2, "x".repeat(150));
          insert.executeUpdate();
        }
      }
      try (PreparedStatement update = connection.prepareStatement(
          "update term set number = number + 1 where id = ?")) {
        for (int i = 0; i < 20_000; i++) {
          update.setInt(1, i * 7_919 % 2_000);
          update.executeUpdate();
        }
      }
      // each commit writes a chunk of about 25 KB; kept for good, they made this file 510 MB
      assertThat(Files.size(file)).isLessThan(20_000_000L);
    }
  }

  @Test
  @DisplayName("Settings a URL sets itself are kept; other databases are left alone")
  void shouldAddOnlyWhatTheUrlDoesNotSet() {
    assertThat(H2Durability.durable("jdbc:h2:file:./data/db;WRITE_DELAY=500"))
        .contains("WRITE_DELAY=500").doesNotContain("WRITE_DELAY=0")
        .contains("MAX_COMPACT_TIME=0");
    assertThat(H2Durability.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    assertThat(H2Durability.durable("jdbc:postgresql://db/x")).isEqualTo("jdbc:postgresql://db/x");
  }
}
