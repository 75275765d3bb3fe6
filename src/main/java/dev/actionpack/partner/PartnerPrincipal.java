package dev.actionpack.partner;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in partner user; every partner API call is scoped to {@link #partnerId()} (R23). */
public record PartnerPrincipal(String username, String passwordHash, UUID partnerId)
    implements UserDetails {

  @Override
  public List<GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_PARTNER"));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public String toString() {
    return "PartnerPrincipal[" + username + ", partner " + partnerId + "]";
  }
}
