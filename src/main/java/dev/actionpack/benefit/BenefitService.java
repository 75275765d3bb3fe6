package dev.actionpack.benefit;

import dev.actionpack.offer.Benefit;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.offer.TermCalendar;
import dev.actionpack.process.EngineClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offer's benefits for a subscription (R8): the term benefits while it is active, and the
 * Azure credit once per month of an active term, each month at most once. It knows a
 * subscription only by the values a grant needs, so the subscription's lifecycle calls it and
 * never the other way round.
 */
@Service
public class BenefitService {

  /** The catalog's code of the monthly Azure credit. */
  public static final String AZURE_CREDIT = "AZURE_CREDIT";
  /** The one grant that stands for all the offer's term benefits (licenses, seats, tools). */
  static final String TERM_BENEFITS = "TERM_BENEFITS";

  private static final Logger log = LoggerFactory.getLogger(BenefitService.class);

  private final BenefitGrantRepository grants;
  private final OfferRepository offers;

  BenefitService(BenefitGrantRepository grants, OfferRepository offers) {
    this.grants = grants;
    this.offers = offers;
  }

  /** What a grant needs to know of a subscription: which one, its offer, its anchor (R5). */
  public record Holder(UUID subscriptionId, String number, String offerCode, Instant anchor) {}

  /**
   * Grants the offer's term benefits (all but the monthly credit), unless already granted: one
   * row for all of them, {@link #TERM_BENEFITS}; the list shows each benefit of the offer.
   */
  @Transactional
  public void grantTermBenefits(Holder subscription) {
    if (grants.findBySubscriptionIdAndRevokedAtIsNull(subscription.subscriptionId()).stream()
        .anyMatch(grant -> TERM_BENEFITS.equals(grant.getCode()))) {
      return;
    }
    grants.save(new BenefitGrant(subscription.subscriptionId(), TERM_BENEFITS,
        "The offer's benefits for the term", null, EngineClock.now()));
  }

  /** Revokes every benefit still held: on expiry or cancellation (R8, R14). */
  @Transactional
  public void revokeAll(UUID subscriptionId) {
    grants.findBySubscriptionIdAndRevokedAtIsNull(subscriptionId).forEach(BenefitGrant::revoke);
  }

  /** When the next monthly Azure credit of this subscription falls due. */
  @Transactional(readOnly = true)
  public Instant nextAzureCreditDue(Holder subscription) {
    return TermCalendar.nextMonthlyDue(subscription.anchor(),
        grants.lastDue(subscription.subscriptionId(), AZURE_CREDIT)
            .filter(last -> !last.isBefore(subscription.anchor())).orElse(null));
  }

  /**
   * Grants the Azure credit of the month due at {@code dueAt}; a retried job finds it granted
   * and grants nothing more. Returns the next month's due date.
   */
  @Transactional
  public Instant grantAzureCredit(Holder subscription, Instant dueAt) {
    if (!grants.existsBySubscriptionIdAndCodeAndDueAt(subscription.subscriptionId(), AZURE_CREDIT,
        dueAt)) {
      Benefit credit = offers.findById(subscription.offerCode()).orElseThrow().getBenefits()
          .stream().filter(benefit -> AZURE_CREDIT.equals(benefit.code())).findFirst()
          .orElseThrow();
      grants.save(new BenefitGrant(subscription.subscriptionId(), AZURE_CREDIT,
          credit.description(), credit.quantity(), dueAt));
      log.info("Azure credit of {} granted to subscription {}", dueAt, subscription.number());
    }
    return TermCalendar.nextMonthlyDue(subscription.anchor(), dueAt);
  }

  /** One benefit as granted: a month's credit, or a term benefit of the offer. */
  public record Granted(String code, String description, Integer quantity, Instant dueAt,
      Instant grantedAt, Instant revokedAt) {}

  /**
   * Every benefit granted to the subscription, oldest first: each month's credit, and for each
   * term grant every term benefit of the offer (as the catalog lists them).
   */
  @Transactional(readOnly = true)
  public List<Granted> list(UUID subscriptionId, String offerCode) {
    List<Benefit> termBenefits = offers.findById(offerCode).orElseThrow().getBenefits().stream()
        .filter(benefit -> !AZURE_CREDIT.equals(benefit.code())).toList();
    return grants.findBySubscriptionIdOrderByDueAtAscCodeAsc(subscriptionId).stream()
        .flatMap(grant -> TERM_BENEFITS.equals(grant.getCode())
            ? termBenefits.stream().map(benefit -> new Granted(benefit.code(),
                benefit.description(), benefit.quantity(), grant.getDueAt(),
                grant.getGrantedAt(), grant.getRevokedAt()))
            : Stream.of(new Granted(grant.getCode(), grant.getDescription(),
                grant.getQuantity(), grant.getDueAt(), grant.getGrantedAt(),
                grant.getRevokedAt())))
        .toList();
  }
}
