package dev.actionpack.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is assigned by the application. Spring Data would otherwise treat it as
 * existing and {@code merge} it: an extra SELECT per insert, and worse, a silent UPDATE of a row
 * another transaction inserted with the same key. Saving a new one always INSERTs, so a duplicate
 * key fails loudly.
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

  @Transient
  private boolean isNew = true;

  @Override
  public boolean isNew() {
    return isNew;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    isNew = false;
  }
}
