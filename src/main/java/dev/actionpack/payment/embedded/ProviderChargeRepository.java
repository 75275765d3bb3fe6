package dev.actionpack.payment.embedded;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderChargeRepository extends JpaRepository<ProviderCharge, String> {}
