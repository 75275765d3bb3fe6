package dev.actionpack.partner;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PartnerInvitationRepository extends JpaRepository<PartnerInvitation, String> {

  /** Locked, so that two acceptances of one link at the same moment cannot both pass. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from PartnerInvitation i where i.tokenHash = :tokenHash")
  Optional<PartnerInvitation> lockByTokenHash(String tokenHash);

  Optional<PartnerInvitation> findByTokenHash(String tokenHash);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from PartnerInvitation i where i.username = :username")
  Optional<PartnerInvitation> lockByUsername(String username);
}
