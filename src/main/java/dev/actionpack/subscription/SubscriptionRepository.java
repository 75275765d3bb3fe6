package dev.actionpack.subscription;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

  @Query("select s from Subscription s where s.livePartnerId = "
      + ":partnerId")
  Optional<Subscription> findByLivePartnerId(UUID partnerId);

  @Query("select s from Subscription s where s.number = :number and "
      + "s.partnerId = :partnerId")
  Optional<Subscription> findByNumberAndPartnerId(String number, UUID partnerId);

  @Query("select s from Subscription s where s.number = :number")
  Optional<Subscription> findByNumber(String number);

  /** Serialises the partner's changes to one subscription with the engine's own steps. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from Subscription s where s.number = :number and s.partnerId = :partnerId")
  Optional<Subscription> lockByNumberAndPartnerId(String number, UUID partnerId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from Subscription s where s.number = :number")
  Optional<Subscription> lockByNumber(String number);

  @Query("select s from Subscription s where s.partnerId = :partnerId "
      + "order by s.createdAt desc")
  List<Subscription> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);
}
