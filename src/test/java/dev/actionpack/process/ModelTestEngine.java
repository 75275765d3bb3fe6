package dev.actionpack.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the model tests: the in-memory engine of {@code camunda.cfg.xml}, BPM Assert bound to
 * it, and the engine clock and mocked delegates reset after each test.
 */
@ExtendWith(ProcessEngineExtension.class)
public abstract class ModelTestEngine {

  /** Resolved by the extension (it injects fields only into the concrete test class). */
  @BeforeEach
  void bindAssertions(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }
}
