package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class MarkPastDueDelegate implements JavaDelegate {

  private final SubscriptionService subscriptions;

  MarkPastDueDelegate(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    subscriptions.markPastDue(UUID.fromString(SUBSCRIPTION_ID.from(execution)));
  }
}
