package dev.actionpack.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbIdGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's rows short ids: numbers handed out in large blocks instead of 36-character
 * UUIDs. Every engine row carries four to six ids (its own, its instance's, its root instance's,
 * its definition's), so UUIDs were about half of the runtime database and of the history.
 *
 * <p>A node takes a block of {@code actionpack.ids.block-size} numbers from
 * {@code ACT_GE_PROPERTY} in a transaction of its own and hands them out in memory. Camunda's own
 * warning against its database id generator concerns blocks of 100 under load, where nodes
 * fetch blocks all the time and a lost race fails the command that needed an id. With large
 * blocks a node fetches one every few thousand ids, and a fetch that loses the race on the
 * property row reads the row again and takes the next block. Numbers left in a block when a node
 * stops are skipped, never reused. UUIDs already in a database stay as they are; numbers cannot
 * collide with them.
 */
@Component
@ConditionalOnProperty(name = "actionpack.ids.blocks", matchIfMissing = true)
public class IdBlocks extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 5;

  private final Generator generator;

  IdBlocks(@Value("${actionpack.ids.block-size:10000}") int blockSize) {
    if (blockSize < 100) {
      throw new IllegalArgumentException("actionpack.ids.block-size must be at least 100");
    }
    this.generator = new Generator(blockSize);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdGenerator(generator);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's own executor that runs a command in a new transaction, built during init
    generator.setCommandExecutor(configuration.getCommandExecutorTxRequiresNew());
  }

  /** Camunda's block generator, with a block fetch that tries again after a lost race. */
  static final class Generator extends DbIdGenerator {

    Generator(int blockSize) {
      setIdBlockSize(blockSize);
    }

    @Override
    protected synchronized void getNewBlock() {
      for (int attempt = 1; ; attempt++) {
        try {
          super.getNewBlock();
          return;
        } catch (OptimisticLockingException lost) {
          if (attempt == ATTEMPTS) {
            throw lost;
          }
        }
      }
    }
  }
}
