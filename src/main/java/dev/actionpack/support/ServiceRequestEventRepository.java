package dev.actionpack.support;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceRequestEventRepository extends JpaRepository<ServiceRequestEvent, UUID> {

  @Query("select e from ServiceRequestEvent e where e.serviceRequestId = "
      + ":serviceRequestId order by e.at")
  List<ServiceRequestEvent> findByServiceRequestIdOrderByAtAsc(UUID serviceRequestId);
}
