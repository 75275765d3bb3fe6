package dev.actionpack.offer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferRepository extends JpaRepository<Offer, String> {

  List<Offer> findByActiveTrueOrderByCode();
}
