package dev.actionpack.payment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChargeRepository extends JpaRepository<Charge, UUID> {

  @Query("select c from Charge c where c.idempotencyKey = "
      + ":idempotencyKey")
  Optional<Charge> findByIdempotencyKey(String idempotencyKey);
}
