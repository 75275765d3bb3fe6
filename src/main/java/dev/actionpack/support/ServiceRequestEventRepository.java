package dev.actionpack.support;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceRequestEventRepository extends JpaRepository<ServiceRequestEvent, UUID> {

  List<ServiceRequestEvent> findByServiceRequestIdOrderByAtAsc(UUID serviceRequestId);
}
