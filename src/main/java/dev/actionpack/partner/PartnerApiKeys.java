package dev.actionpack.partner;

import dev.actionpack.process.EngineClock;
import dev.actionpack.domain.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner API keys: {@code apk_<key id>_<secret>}, 256 random bits of secret. A secret that
 * random cannot be guessed, so one SHA-256 suffices to check it, where a password needs a slow
 * BCrypt on every request: programs that call the API often sign in with a key.
 */
@Service
public class PartnerApiKeys {

  private static final Pattern TOKEN = Pattern.compile("apk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

  private final PartnerApiKeyRepository keys;
  private final PartnerUserRepository users;

  PartnerApiKeys(PartnerApiKeyRepository keys, PartnerUserRepository users) {
    this.keys = keys;
    this.users = users;
  }

  /** Issues a key for the signed-in user; the returned token is the only copy of the secret. */
  @Transactional
  public IssuedKey issue(PartnerPrincipal user, String name) {
    UUID id = UUID.randomUUID();
    String encoded = SecretTokens.newToken();
    PartnerApiKey key = keys.save(new PartnerApiKey(id, user.username(), name.strip(),
        SecretTokens.sha256(encoded), EngineClock.now()));
    return new IssuedKey(key, "apk_" + id.toString().replace("-", "") + "_" + encoded);
  }

  @Transactional(readOnly = true)
  public List<PartnerApiKey> list(PartnerPrincipal user) {
    return keys.findByUsername(user.username());
  }

  /** Revokes one of the user's keys: it no longer signs anyone in. */
  @Transactional
  public void revoke(PartnerPrincipal user, UUID id) {
    keys.findByIdAndUsername(id, user.username())
        .orElseThrow(() -> Refusal.notFound("API key"))
        .revoke(EngineClock.now());
  }

  /** The user a token signs in, when it is a live key of an existing user. */
  @Transactional(readOnly = true)
  public Optional<PartnerPrincipal> authenticate(String token) {
    Matcher matcher = TOKEN.matcher(token);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String hex = matcher.group(1);
    UUID id = new UUID(Long.parseUnsignedLong(hex, 0, 16, 16),
        Long.parseUnsignedLong(hex, 16, 32, 16));
    String presented = SecretTokens.sha256(matcher.group(2));
    return keys.findById(id)
        .filter(key -> key.getRevokedAt() == null)
        .filter(key -> SecretTokens.sameHash(presented, key.getSecretHash()))
        .flatMap(key -> users.findById(key.getUsername()))
        .map(user -> new PartnerPrincipal(user.getUsername(), null, user.getPartnerId()));
  }

  public record IssuedKey(PartnerApiKey key, String token) {}
}
