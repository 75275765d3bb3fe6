package dev.actionpack.partner;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Partner users who sign in with their password; an invited one has none yet, so is unknown. */
@Service
class PartnerUserDetailsService implements UserDetailsService {

  private final PartnerUserRepository users;

  PartnerUserDetailsService(PartnerUserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users.findById(username)
        .filter(PartnerUser::isPasswordSet)
        .map(user -> new PartnerPrincipal(
            user.getUsername(), user.getPasswordHash(), user.getPartnerId()))
        .orElseThrow(() -> new UsernameNotFoundException("no partner user " + username));
  }
}
