package dev.actionpack.payment.embedded;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderCardRepository extends JpaRepository<ProviderCard, String> {}
