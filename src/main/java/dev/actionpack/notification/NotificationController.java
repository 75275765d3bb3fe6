package dev.actionpack.notification;

import dev.actionpack.partner.PartnerPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner's inbox: every notification sent to it, newest first. */
@RestController
class NotificationController {

  private final NotificationRepository notifications;

  NotificationController(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/api/notifications")
  List<NotificationView> inbox(@AuthenticationPrincipal PartnerPrincipal partner) {
    return notifications.findByPartnerIdOrderByCreatedAtDesc(partner.partnerId()).stream()
        .map(n -> new NotificationView(n.getId(), n.getKind(), n.getLocale(), n.getSubject(),
            n.getBody(), n.getReference(), n.getCreatedAt()))
        .toList();
  }

  record NotificationView(UUID id, NotificationKind kind, String locale, String subject,
      String body, String reference, Instant createdAt) {}
}
