package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.actionpack.support.ApiTest;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's rows get short numeric ids from blocks; a lost race for a block is tried again. */
class IdBlocksTest extends ApiTest {

  @Autowired
  private RuntimeService runtime;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private DataSource dataSource;
  @Autowired
  private ProcessEngineConfigurationImpl engine;

  @Test
  @DisplayName("A purchase's instances, jobs and variables have numeric ids taken from blocks")
  void shouldGiveEngineRowsNumericIds() {
    assertThat(purchase(newMember(), purchaseWithCard("4242424242424242"), null).status())
        .isEqualTo(201);

    List<String> ids = jdbc.queryForList("select id_ from act_ru_execution union all "
        + "select id_ from act_ru_job union all select id_ from act_ru_variable union all "
        + "select id_ from act_hi_procinst", String.class);
    assertThat(ids).isNotEmpty().allMatch(id -> id.matches("\\d{1,19}"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("renew").list())
        .isNotEmpty()
        .allMatch(instance -> instance.getId().matches("\\d+"));
    // every id was handed out from a block already taken from the property row
    assertThat(ids.stream().mapToLong(Long::parseLong).max().orElseThrow())
        .isLessThan(nextBlockStart());
  }

  @Test
  @DisplayName("A block fetch that loses the race on the property row takes the next block")
  void shouldTryAgainAfterLosingTheRaceForABlock() {
    Deque<Object> answers = new ArrayDeque<>(List.of(
        new OptimisticLockingException("another node took the block"),
        new IdBlocks.Block(201, 300)));
    IdBlocks.Generator generator = new IdBlocks.Generator(100, scripted(answers));

    assertThat(generator.getNextId()).isEqualTo("201");
    assertThat(generator.getNextId()).isEqualTo("202");
    assertThat(answers).isEmpty();
  }

  @Test
  @DisplayName("A block fetch that keeps losing fails the command that needed an id")
  void shouldGiveUpAfterRepeatedLosses() {
    Deque<Object> answers = new ArrayDeque<>();
    for (int i = 0; i < IdBlocks.ATTEMPTS; i++) {
      answers.add(new OptimisticLockingException("another node took the block"));
    }
    IdBlocks.Generator generator = new IdBlocks.Generator(100, scripted(answers));

    assertThatThrownBy(generator::getNextId).isInstanceOf(OptimisticLockingException.class);
    assertThat(answers).isEmpty();
  }

  @Test
  @DisplayName("A block is fetched on a connection of its own: with every pooled connection held, the next block still comes")
  void shouldFetchABlockWhileEveryPooledConnectionIsHeld() throws Exception {
    HikariDataSource pool = (HikariDataSource) dataSource;
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        held.add(pool.getConnection());
      }
      IdBlocks.Generator generator = (IdBlocks.Generator) engine.getIdGenerator();
      long before = nextBlockStart(held.get(0));

      generator.getNewBlock();

      assertThat(nextBlockStart(held.get(0))).isEqualTo(before + generator.getIdBlockSize());
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  private static long nextBlockStart(Connection connection) throws Exception {
    try (var statement = connection.createStatement();
        var row = statement.executeQuery(
            "select value_ from act_ge_property where name_ = 'next.dbid'")) {
      row.next();
      return Long.parseLong(row.getString(1));
    }
  }

  private long nextBlockStart() {
    return Long.parseLong(jdbc.queryForObject(
        "select value_ from act_ge_property where name_ = 'next.dbid'", String.class));
  }

  /** A block source that answers each fetch with the next scripted block or failure. */
  private static IdBlocks.BlockSource scripted(Deque<Object> answers) {
    return size -> {
      Object answer = answers.removeFirst();
      if (answer instanceof RuntimeException failure) {
        throw failure;
      }
      return (IdBlocks.Block) answer;
    };
  }
}
