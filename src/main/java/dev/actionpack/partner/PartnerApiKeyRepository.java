package dev.actionpack.partner;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerApiKeyRepository extends JpaRepository<PartnerApiKey, UUID> {

  @Query("select k from PartnerApiKey k where k.username = :username order by k.createdAt")
  List<PartnerApiKey> findByUsername(String username);

  @Query("select k from PartnerApiKey k where k.id = :id and k.username = :username")
  Optional<PartnerApiKey> findByIdAndUsername(UUID id, String username);
}
