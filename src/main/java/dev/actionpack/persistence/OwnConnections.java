package dev.actionpack.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * A small pool of connections to the application's database, kept apart from the shared one.
 * For work that must go on while the caller holds a pooled connection: taking a second one from
 * the shared pool can wait for ever once every connection is held by a caller waiting that way.
 */
public final class OwnConnections {

  private OwnConnections() {}

  /** A pool named {@code name} of at most {@code size} connections, none kept open idle. */
  public static HikariDataSource pool(DataSourceProperties database, String name, int size) {
    HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class)
        .build();
    pool.setJdbcUrl(H2Durability.durable(pool.getJdbcUrl()));
    pool.setPoolName(name);
    pool.setMaximumPoolSize(size);
    pool.setMinimumIdle(0);
    pool.setConnectionTimeout(5_000);
    return pool;
  }
}
