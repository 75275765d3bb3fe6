package dev.actionpack.partner;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PartnerRepository extends JpaRepository<Partner, UUID> {

  /** Serialises a partner's purchases, so two concurrent ones cannot both pass R2. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Partner p where p.id = :id")
  Optional<Partner> lockById(UUID id);

  @Query("select p from Partner p order by p.name, p.id")
  List<Partner> findAllByName();

  /** Which of these lower-case addresses a partner already has, in any case. */
  @Query("select lower(p.email) from Partner p where lower(p.email) in :emails")
  List<String> emailsTaken(Collection<String> emails);
}
