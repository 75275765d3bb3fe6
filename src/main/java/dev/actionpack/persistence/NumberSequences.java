package dev.actionpack.persistence;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Human-readable numbers from database sequences, so they stay unique across cluster nodes. The
 * SQL comes from Hibernate's dialect: the same code runs on H2 and PostgreSQL.
 */
@Component
public class NumberSequences {

  private final JdbcTemplate jdbc;
  private final String nextOrderNumber;
  private final String nextSubscriptionNumber;
  private final String nextServiceRequestNumber;

  NumberSequences(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
    this.jdbc = jdbc;
    Dialect dialect = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect();
    this.nextOrderNumber = dialect.getSequenceSupport()
        .getSequenceNextValString("order_number_seq");
    this.nextSubscriptionNumber = dialect.getSequenceSupport()
        .getSequenceNextValString("subscription_number_seq");
    this.nextServiceRequestNumber = dialect.getSequenceSupport()
        .getSequenceNextValString("service_request_number_seq");
  }

  public String nextServiceRequestNumber() {
    return "SR-" + jdbc.queryForObject(nextServiceRequestNumber, Long.class);
  }

  public String nextOrderNumber() {
    return "ORD-" + jdbc.queryForObject(nextOrderNumber, Long.class);
  }

  /** A subscription's number is its business key in Cockpit. */
  public String nextSubscriptionNumber() {
    return "AP-" + jdbc.queryForObject(nextSubscriptionNumber, Long.class);
  }
}
