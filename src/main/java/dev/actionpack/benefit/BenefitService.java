package dev.actionpack.benefit;

import dev.actionpack.offer.Benefit;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.process.EngineClock;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.TermCalendar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offer's benefits for a subscription (R8): the term benefits while it is active, and the
 * Azure credit once per month of an active term, each month at most once.
 */
@Service
public class BenefitService {

  /** The catalog's code of the monthly Azure credit. */
  public static final String AZURE_CREDIT = "AZURE_CREDIT";

  private static final Logger log = LoggerFactory.getLogger(BenefitService.class);

  private final BenefitGrantRepository grants;
  private final OfferRepository offers;

  BenefitService(BenefitGrantRepository grants, OfferRepository offers) {
    this.grants = grants;
    this.offers = offers;
  }

  /** Grants the offer's term benefits (all but the monthly credit), unless already granted. */
  @Transactional
  public void grantTermBenefits(Subscription subscription) {
    if (!grants.findBySubscriptionIdAndRevokedAtIsNull(subscription.getId()).stream()
        .filter(grant -> !AZURE_CREDIT.equals(grant.getCode())).toList().isEmpty()) {
      return;
    }
    Instant now = EngineClock.now();
    for (Benefit benefit : offers.findById(subscription.getOfferCode()).orElseThrow()
        .getBenefits()) {
      if (!AZURE_CREDIT.equals(benefit.code())) {
        grants.save(new BenefitGrant(subscription.getId(), benefit.code(),
            benefit.description(), benefit.quantity(), now));
      }
    }
  }

  /** Revokes every benefit still held: on expiry or cancellation (R8, R14). */
  @Transactional
  public void revokeAll(UUID subscriptionId) {
    grants.findBySubscriptionIdAndRevokedAtIsNull(subscriptionId).forEach(BenefitGrant::revoke);
  }

  /** When the next monthly Azure credit of this subscription falls due. */
  @Transactional(readOnly = true)
  public Instant nextAzureCreditDue(Subscription subscription) {
    return TermCalendar.nextMonthlyDue(subscription.getAnchor(),
        grants.lastDue(subscription.getId(), AZURE_CREDIT)
            .filter(last -> !last.isBefore(subscription.getAnchor())).orElse(null));
  }

  /**
   * Grants the Azure credit of the month due at {@code dueAt}; a retried job finds it granted
   * and grants nothing more. Returns the next month's due date.
   */
  @Transactional
  public Instant grantAzureCredit(Subscription subscription, Instant dueAt) {
    if (!grants.existsBySubscriptionIdAndCodeAndDueAt(subscription.getId(), AZURE_CREDIT, dueAt)) {
      Benefit credit = offers.findById(subscription.getOfferCode()).orElseThrow().getBenefits()
          .stream().filter(benefit -> AZURE_CREDIT.equals(benefit.code())).findFirst()
          .orElseThrow();
      grants.save(new BenefitGrant(subscription.getId(), AZURE_CREDIT, credit.description(),
          credit.quantity(), dueAt));
      log.info("Azure credit of {} granted to subscription {}", dueAt, subscription.getNumber());
    }
    return TermCalendar.nextMonthlyDue(subscription.getAnchor(), dueAt);
  }

  @Transactional(readOnly = true)
  public List<BenefitGrant> list(UUID subscriptionId) {
    return grants.findBySubscriptionIdOrderByDueAtAscCodeAsc(subscriptionId);
  }
}
