package dev.actionpack.process;

import com.zaxxer.hikari.HikariDataSource;
import dev.actionpack.persistence.OwnConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbIdGenerator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's rows short ids: numbers handed out in large blocks instead of 36-character
 * UUIDs. Every engine row carries four to six ids (its own, its instance's, its root instance's,
 * its definition's), so UUIDs were about half of the runtime database and of the history.
 *
 * <p>A node takes a block of {@code actionpack.ids.block-size} numbers from
 * {@code ACT_GE_PROPERTY} and hands them out in memory. Camunda's own warning against its
 * database id generator concerns blocks of 100 under load, where nodes fetch blocks all the time
 * and a lost race fails the command that needed an id. With large blocks a node fetches one
 * every few thousand ids, and a fetch that loses the race on the property row reads the row
 * again and takes the next block. Numbers left in a block when a node stops are skipped, never
 * reused. UUIDs already in a database stay as they are; numbers cannot collide with them.
 *
 * <p>The fetch runs on a connection of its own, from a pool of one kept for this. Camunda's
 * generator takes a second connection from the shared pool while the command that needs the id
 * holds its first: with every pooled connection held by such a command, each waited for a
 * second one that never came, until the pool's timeout failed them all.
 */
@Component
@ConditionalOnProperty(name = "actionpack.ids.blocks", matchIfMissing = true)
public class IdBlocks extends AbstractProcessEnginePlugin implements DisposableBean {

  static final int ATTEMPTS = 5;

  private final Generator generator;
  private final HikariDataSource blockConnection;

  IdBlocks(@Value("${actionpack.ids.block-size:10000}") int blockSize,
      DataSourceProperties dataSource) {
    if (blockSize < 100) {
      throw new IllegalArgumentException("actionpack.ids.block-size must be at least 100");
    }
    this.blockConnection = OwnConnections.pool(dataSource, "id-blocks", 1);
    this.generator = new Generator(blockSize, null);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    generator.source = new PropertyRowBlocks(blockConnection,
        configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY");
    configuration.setIdGenerator(generator);
  }

  @Override
  public void destroy() {
    blockConnection.close();
  }

  /** Where blocks come from; the id generator asks one block at a time. */
  interface BlockSource {

    /**
     * Reserves the next {@code size} numbers; an {@link OptimisticLockingException} when another
     * node took them first.
     */
    Block next(int size);
  }

  /** The numbers {@code first} to {@code last}, both included. */
  record Block(long first, long last) {}

  /** Camunda's block generator, with the block fetched from a {@link BlockSource}. */
  static final class Generator extends DbIdGenerator {

    private BlockSource source;

    Generator(int blockSize, BlockSource source) {
      setIdBlockSize(blockSize);
      this.source = source;
    }

    @Override
    protected synchronized void getNewBlock() {
      for (int attempt = 1; ; attempt++) {
        try {
          Block block = source.next(idBlockSize);
          nextId = block.first();
          lastId = block.last();
          return;
        } catch (OptimisticLockingException lost) {
          if (attempt == ATTEMPTS) {
            throw lost;
          }
        }
      }
    }
  }

  /** Blocks from the engine's {@code next.dbid} property row, as Camunda's own command does. */
  static final class PropertyRowBlocks implements BlockSource {

    private final DataSource dataSource;
    private final String table;

    PropertyRowBlocks(DataSource dataSource, String table) {
      this.dataSource = dataSource;
      this.table = table;
    }

    @Override
    public Block next(int size) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          long first;
          int revision;
          try (PreparedStatement read = connection.prepareStatement("select VALUE_, REV_ from "
              + table + " where NAME_ = 'next.dbid'");
              ResultSet row = read.executeQuery()) {
            if (!row.next()) {
              throw new ProcessEngineException("no next.dbid row in " + table);
            }
            first = Long.parseLong(row.getString(1));
            revision = row.getInt(2);
          }
          try (PreparedStatement take = connection.prepareStatement("update " + table
              + " set VALUE_ = ?, REV_ = ? where NAME_ = 'next.dbid' and REV_ = ?")) {
            take.setString(1, Long.toString(first + size));
            take.setInt(2, revision + 1);
            take.setInt(3, revision);
            if (take.executeUpdate() != 1) {
              connection.rollback();
              throw new OptimisticLockingException("another node took the id block at " + first);
            }
          }
          connection.commit();
          return new Block(first, first + size - 1);
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("could not take a block of engine ids", e);
      }
    }
  }
}
