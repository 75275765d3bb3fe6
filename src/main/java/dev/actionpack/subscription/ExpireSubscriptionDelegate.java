package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.AUTO_RENEWAL;
import static dev.actionpack.process.ProcessVariables.GRACE_ENDS_AT;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ExpireSubscriptionDelegate implements JavaDelegate {

  private final SubscriptionService subscriptions;

  ExpireSubscriptionDelegate(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GRACE_ENDS_AT.set(execution, Date.from(
        subscriptions.expire(UUID.fromString(SUBSCRIPTION_ID.from(execution)))));
    // Cockpit shows what the subscription shows: an expired one does not renew by itself
    AUTO_RENEWAL.set(execution, false);
  }
}
