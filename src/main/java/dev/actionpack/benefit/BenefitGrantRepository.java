package dev.actionpack.benefit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BenefitGrantRepository extends JpaRepository<BenefitGrant, UUID> {

  @Query("select g from BenefitGrant g where g.subscriptionId = "
      + ":subscriptionId order by g.dueAt, g.code")
  List<BenefitGrant> findBySubscriptionIdOrderByDueAtAscCodeAsc(UUID subscriptionId);

  @Query("select g from BenefitGrant g where g.subscriptionId = "
      + ":subscriptionId and g.revokedAt is null")
  List<BenefitGrant> findBySubscriptionIdAndRevokedAtIsNull(UUID subscriptionId);

  @Query("select count(g) > 0 from BenefitGrant g where g.subscriptionId "
      + "= :subscriptionId and g.code = :code and g.dueAt = :dueAt")
  boolean existsBySubscriptionIdAndCodeAndDueAt(UUID subscriptionId, String code, Instant dueAt);

  @Query("select count(g) from BenefitGrant g where g.subscriptionId = "
      + ":subscriptionId and g.code = :code")
  long countBySubscriptionIdAndCode(UUID subscriptionId, String code);

  @Query("select max(g.dueAt) from BenefitGrant g where g.subscriptionId = :subscriptionId "
      + "and g.code = :code")
  Optional<Instant> lastDue(UUID subscriptionId, String code);
}
