package dev.actionpack.partner;

import dev.actionpack.domain.Refusal;
import dev.actionpack.domain.Refusal.FieldError;
import dev.actionpack.process.EngineClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner users come in by invitation: an operator names the user, the service makes it without
 * a password and hands out a one-time link; whoever opens the link first chooses the password.
 * The link is a {@link SecretTokens} token, stored only as its hash, valid for
 * {@code actionpack.invitations.ttl} (7 days) and once. Whether a link is unknown, used or
 * expired is not told: the answer is the same for all three, so a link found in an old mail
 * says nothing about the account.
 */
@Service
public class PartnerInvitations {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,60}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  static final int MIN_PASSWORD_LENGTH = 12;
  /** BCrypt reads no further than 72 bytes; a longer password would be cut without a word. */
  static final int MAX_PASSWORD_BYTES = 72;

  private final PartnerRepository partners;
  private final PartnerUserRepository users;
  private final PartnerInvitationRepository invitations;
  private final PasswordEncoder passwordEncoder;
  private final Duration ttl;

  PartnerInvitations(PartnerRepository partners, PartnerUserRepository users,
      PartnerInvitationRepository invitations, PasswordEncoder passwordEncoder,
      @Value("${actionpack.invitations.ttl:7d}") Duration ttl) {
    this.partners = partners;
    this.users = users;
    this.invitations = invitations;
    this.passwordEncoder = passwordEncoder;
    this.ttl = ttl;
  }

  /**
   * Invites {@code username} to sign in for the partner. Inviting a user whose invitation is
   * still unused replaces its token, so only the newest link works; any other existing user
   * name is refused.
   */
  @Transactional
  public Invitation invite(UUID partnerId, String username, String email) {
    String address = email == null ? null : email.strip();
    List<FieldError> problems = new ArrayList<>();
    if (username == null || !USERNAME.matcher(username).matches()) {
      problems.add(new FieldError("username", "must be 3 to 60 characters of a-z, 0-9, "
          + "'.', '_' and '-'"));
    }
    String emailProblem = EmailAddresses.problem(address);
    if (emailProblem != null) {
      problems.add(new FieldError("email", emailProblem));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalidFields(problems);
    }
    partners.findById(partnerId).orElseThrow(PartnerOnboarding::notFound);
    String token = SecretTokens.newToken();
    Instant now = EngineClock.now();
    Instant expiresAt = now.plus(ttl);
    Optional<PartnerUser> existing = users.findById(username);
    if (existing.isPresent()) {
      PartnerInvitation pending = existing
          .filter(user -> !user.isPasswordSet() && user.getPartnerId().equals(partnerId))
          .flatMap(user -> invitations.lockByUsername(username))
          .filter(invitation -> invitation.getAcceptedAt() == null)
          .orElseThrow(PartnerInvitations::usernameTaken);
      pending.replace(address, SecretTokens.sha256(token), now, expiresAt);
    } else {
      try {
        // the hash of a secret nobody is told: the column holds a hash, never a usable one
        users.saveAndFlush(PartnerUser.invited(username,
            passwordEncoder.encode(SecretTokens.newToken()), partnerId));
      } catch (DataIntegrityViolationException sameNameAtTheSameMoment) {
        throw usernameTaken();
      }
      invitations.save(new PartnerInvitation(username, address, SecretTokens.sha256(token), now,
          expiresAt));
    }
    return new Invitation(username, expiresAt, token);
  }

  /**
   * Whether the link would work now, so that its page can say at once that it does not; unknown,
   * used and expired are one answer here too. Nothing is changed.
   */
  @Transactional(readOnly = true)
  public boolean usable(String token) {
    Instant now = EngineClock.now();
    return wellFormed(token).flatMap(presented -> invitations.findByTokenHash(
        SecretTokens.sha256(presented))).filter(found -> found.usableAt(now)).isPresent();
  }

  /** Sets the invited user's password; the link works no more. Answers the user name. */
  @Transactional
  public String accept(String token, String password) {
    Instant now = EngineClock.now();
    PartnerInvitation invitation = wellFormed(token)
        .flatMap(presented -> invitations.lockByTokenHash(SecretTokens.sha256(presented)))
        .filter(found -> found.usableAt(now))
        .orElseThrow(PartnerInvitations::unusable);
    PartnerUser user = users.findById(invitation.getId()).orElseThrow(PartnerInvitations::unusable);
    String problem = passwordProblem(password, user.getUsername());
    if (problem != null) {
      throw Refusal.invalidField("password", problem);
    }
    user.choosePassword(passwordEncoder.encode(password));
    invitation.accept(now);
    return user.getUsername();
  }

  private static Optional<String> wellFormed(String token) {
    return Optional.ofNullable(token).filter(presented -> TOKEN.matcher(presented).matches());
  }

  private static String passwordProblem(String password, String username) {
    if (password == null || password.isEmpty()) {
      return "is required";
    }
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      return "must have at least " + MIN_PASSWORD_LENGTH + " characters";
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return "is longer than " + MAX_PASSWORD_BYTES + " bytes";
    }
    if (password.equalsIgnoreCase(username)) {
      return "must not be the username";
    }
    return null;
  }

  private static Refusal usernameTaken() {
    return new Refusal(Refusal.Kind.CONFLICT, "username-taken", "Username taken",
        "A partner user with this username exists already; choose another.")
        .with("errors", List.of(new FieldError("username", "is taken")));
  }

  private static Refusal unusable() {
    return new Refusal(Refusal.Kind.NOT_FOUND, "invitation-not-found", "Invitation not found",
        "This invitation link does not work (it may be wrong, used or expired). "
            + "Ask the operator who invited you for a new one.");
  }

  /** The token is in the link only: this is the one time it is seen. */
  public record Invitation(String username, Instant expiresAt, String token) {}
}
