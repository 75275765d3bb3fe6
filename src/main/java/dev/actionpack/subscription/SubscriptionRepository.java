package dev.actionpack.subscription;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

  Optional<Subscription> findByLivePartnerId(UUID partnerId);

  Optional<Subscription> findByNumberAndPartnerId(String number, UUID partnerId);

  Optional<Subscription> findByNumber(String number);

  List<Subscription> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);
}
