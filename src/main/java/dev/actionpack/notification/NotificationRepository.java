package dev.actionpack.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, UUID> {

  List<Notification> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);

  Optional<Notification> findByDedupeKey(String dedupeKey);
}
