package dev.actionpack.process;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one source of "now" for domain code (R22). It reads the engine clock, so a test or a
 * simulation that moves {@link ClockUtil} moves the domain with the timers.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
