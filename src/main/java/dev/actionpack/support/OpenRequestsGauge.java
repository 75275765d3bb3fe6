package dev.actionpack.support;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The number of service requests not closed yet, at {@code /actuator/prometheus}. */
@Component
class OpenRequestsGauge {

  OpenRequestsGauge(MeterRegistry registry, ServiceRequestRepository requests) {
    Gauge.builder("actionpack.service.requests.open", requests,
            repository -> repository.countByStatusNot(ServiceRequestStatus.CLOSED))
        .description("Service requests not closed yet").register(registry);
  }
}
