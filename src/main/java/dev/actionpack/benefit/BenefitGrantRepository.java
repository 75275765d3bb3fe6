package dev.actionpack.benefit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BenefitGrantRepository extends JpaRepository<BenefitGrant, UUID> {

  List<BenefitGrant> findBySubscriptionIdOrderByDueAtAscCodeAsc(UUID subscriptionId);

  List<BenefitGrant> findBySubscriptionIdAndRevokedAtIsNull(UUID subscriptionId);

  boolean existsBySubscriptionIdAndCodeAndDueAt(UUID subscriptionId, String code, Instant dueAt);

  long countBySubscriptionIdAndCode(UUID subscriptionId, String code);

  @Query("select max(g.dueAt) from BenefitGrant g where g.subscriptionId = :subscriptionId "
      + "and g.code = :code")
  Optional<Instant> lastDue(UUID subscriptionId, String code);
}
