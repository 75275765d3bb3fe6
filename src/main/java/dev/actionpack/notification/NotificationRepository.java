package dev.actionpack.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, UUID> {

  @Query("select n from Notification n where n.partnerId = :partnerId "
      + "order by n.createdAt desc")
  List<Notification> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);

  @Query("select n from Notification n where n.dedupeKey = :dedupeKey")
  Optional<Notification> findByDedupeKey(String dedupeKey);
}
