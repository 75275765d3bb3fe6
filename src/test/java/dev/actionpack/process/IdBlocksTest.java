package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.actionpack.support.ApiTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.db.IdBlock;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
        new OptimisticLockingException("another node took the block"), new IdBlock(201, 300)));
    IdBlocks.Generator generator = new IdBlocks.Generator(100);
    generator.setCommandExecutor(scripted(answers));

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
    IdBlocks.Generator generator = new IdBlocks.Generator(100);
    generator.setCommandExecutor(scripted(answers));

    assertThatThrownBy(generator::getNextId).isInstanceOf(OptimisticLockingException.class);
    assertThat(answers).isEmpty();
  }

  private long nextBlockStart() {
    return Long.parseLong(jdbc.queryForObject(
        "select value_ from act_ge_property where name_ = 'next.dbid'", String.class));
  }

  /** A command executor that answers each command with the next scripted block or failure. */
  private static CommandExecutor scripted(Deque<Object> answers) {
    return new CommandExecutor() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T execute(Command<T> command) {
        Object answer = answers.removeFirst();
        if (answer instanceof RuntimeException failure) {
          throw failure;
        }
        return (T) answer;
      }
    };
  }
}
