package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules of the models (STYLE.md): readable ids, a name on every element a person sees,
 * a diagram for every element so Cockpit renders it, and a history time to live.
 */
class ModelConventionsTest {

  static Stream<String> models() {
    return Stream.of(SubscribeProcess.RESOURCE, RenewProcess.RESOURCE,
        CancelViaSupportProcess.RESOURCE);
  }

  @ParameterizedTest
  @MethodSource("models")
  @DisplayName("R20 every model is executable, named, has a history time to live and a full diagram, and is not started by hand in Tasklist")
  void shouldFollowModelConventions(String resource) throws IOException {
    BpmnModelInstance model = read(resource);
    Process process = model.getModelElementsByType(Process.class).iterator().next();

    assertThat(resource).isEqualTo("bpmn/" + process.getId() + ".bpmn");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getName()).isNotBlank();
    assertThat(process.getCamundaHistoryTimeToLiveString()).matches("P\\d+D");
    assertThat(process.isCamundaStartableInTasklist()).as("startable by hand in Tasklist")
        .isFalse();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      assertThat(element.getId()).as("id of %s", element.getName())
          .matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+");
      if (element instanceof FlowNode) {
        assertThat(element.getName()).as("name of %s", element.getId()).isNotBlank();
        assertThat(diagramOf(model, element, BpmnShape.class)).as("shape of %s", element.getId())
            .isTrue();
      }
      if (element instanceof SequenceFlow) {
        assertThat(diagramOf(model, element, BpmnEdge.class)).as("edge of %s", element.getId())
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  @DisplayName("Every retry cycle a model names is the one backoff schedule (seconds first, hours before an incident); jobs without one get it from the engine")
  void shouldRetryJobsOnTheSharedSchedule(String resource) throws IOException {
    BpmnModelInstance model = read(resource);
    assertThat(model.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class))
        .allSatisfy(cycle -> assertThat(cycle.getTextContent()).isEqualTo(JobRetries.SCHEDULE));
  }

  @ParameterizedTest
  @MethodSource("models")
  @DisplayName("R19 every notice is written in the transaction of the step it tells of: no send task is a job of its own (mail goes out from the outbox)")
  void shouldSendInTheTransactionOfTheStep(String resource) throws IOException {
    assertThat(read(resource).getModelElementsByType(SendTask.class))
        .allSatisfy(task -> assertThat(task.isCamundaAsyncBefore() || task.isCamundaAsyncAfter())
            .as("%s is asynchronous", task.getId()).isFalse());
  }

  private static boolean diagramOf(BpmnModelInstance model, BaseElement element,
      Class<? extends org.camunda.bpm.model.xml.instance.ModelElementInstance> type) {
    return model.getModelElementsByType(type).stream().anyMatch(di ->
        di instanceof BpmnShape shape ? shape.getBpmnElement() == element
            : ((BpmnEdge) di).getBpmnElement() == element);
  }

  private static BpmnModelInstance read(String resource) throws IOException {
    try (InputStream in = ModelConventionsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Bpmn.readModelFromStream(in);
    }
  }
}
