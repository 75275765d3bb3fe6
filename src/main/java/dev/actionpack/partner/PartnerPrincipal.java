package dev.actionpack.partner;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in partner user; every partner API call is scoped to {@link #partnerId()} (R23). */
public record PartnerPrincipal(String username, String passwordHash, UUID partnerId)
    implements UserDetails {

  /** Signed in with the user's password, not an API key: only then are keys managed. */
  public static final String SIGNED_IN_WITH_PASSWORD = "SIGNED_IN_WITH_PASSWORD";
  public static final String SIGNED_IN_WITH_API_KEY = "SIGNED_IN_WITH_API_KEY";

  /** A password sign-in's authorities (HTTP Basic); a key sign-in has {@link #withApiKey}. */
  @Override
  public List<GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_PARTNER"),
        new SimpleGrantedAuthority(SIGNED_IN_WITH_PASSWORD));
  }

  public List<GrantedAuthority> withApiKey() {
    return List.of(new SimpleGrantedAuthority("ROLE_PARTNER"),
        new SimpleGrantedAuthority(SIGNED_IN_WITH_API_KEY));
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
