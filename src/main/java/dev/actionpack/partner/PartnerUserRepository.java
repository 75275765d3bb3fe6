package dev.actionpack.partner;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerUserRepository extends JpaRepository<PartnerUser, String> {}
