package dev.actionpack.offer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OfferRepository extends JpaRepository<Offer, String> {

  @Query("select o from Offer o where o.active = true order by o.code")
  List<Offer> findByActiveTrueOrderByCode();
}
