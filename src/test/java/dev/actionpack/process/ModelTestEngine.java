package dev.actionpack.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the model tests: the in-memory engine of {@code model-tests.cfg.xml}, BPM Assert bound
 * to it, and the engine clock and mocked delegates reset after each test. Not
 * {@code camunda.cfg.xml}: Camunda looks for that name on the class path whenever something
 * asks its static engine registry for an engine (the webapps do), and would start a second
 * engine from it inside the API tests.
 */
public abstract class ModelTestEngine {

  /** One per test: a shared (static) one would be cleared after the first test class. */
  @RegisterExtension
  final ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("model-tests.cfg.xml").build();

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
