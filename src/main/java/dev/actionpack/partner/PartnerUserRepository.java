package dev.actionpack.partner;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PartnerUserRepository extends JpaRepository<PartnerUser, String> {

  @Query("select u from PartnerUser u where u.partnerId = :partnerId order by u.username")
  List<PartnerUser> findByPartnerId(UUID partnerId);
}
