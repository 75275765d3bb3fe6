package dev.actionpack.partner;

import dev.actionpack.domain.Refusal;
import dev.actionpack.domain.Refusal.FieldError;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators create partners and record their Network membership (R1, R24); how partner users
 * are invited is {@link PartnerInvitations}, a file of many partners {@link PartnerImport}.
 * One partner per email address: notices go there (R19), so two partners sharing one would read
 * each other's mail.
 */
@Service
public class PartnerOnboarding {

  private final PartnerRepository partners;
  private final PartnerUserRepository users;
  private final PartnerInvitationRepository invitations;

  PartnerOnboarding(PartnerRepository partners, PartnerUserRepository users,
      PartnerInvitationRepository invitations) {
    this.partners = partners;
    this.users = users;
    this.invitations = invitations;
  }

  @Transactional
  public Account create(PartnerDetails requested) {
    PartnerDetails details = requested.normalized();
    List<FieldError> problems = details.problems();
    if (!problems.isEmpty()) {
      throw Refusal.invalidFields(problems);
    }
    if (!partners.emailsTaken(List.of(EmailAddresses.key(details.email()))).isEmpty()) {
      throw new Refusal(Refusal.Kind.CONFLICT, "duplicate-email", "Email address in use",
          "Another partner has this email address already.")
          .with("errors", List.of(new FieldError("email", "is the email of another partner")));
    }
    Partner partner = partners.save(new Partner(details.name(), details.networkMember(),
        details.locale(), details.email()));
    return new Account(partner, List.of());
  }

  /** Every partner, by name, each with its users. */
  @Transactional(readOnly = true)
  public List<Account> list() {
    Map<UUID, List<PartnerUser>> usersByPartner = users.findAll().stream()
        .sorted(Comparator.comparing(PartnerUser::getUsername))
        .collect(Collectors.groupingBy(PartnerUser::getPartnerId));
    Map<String, PartnerInvitation> invited = invitations.findAll().stream()
        .collect(Collectors.toMap(PartnerInvitation::getId, Function.identity()));
    return partners.findAllByName().stream()
        .map(partner -> account(partner, usersByPartner.getOrDefault(partner.getId(), List.of()),
            invited))
        .toList();
  }

  @Transactional(readOnly = true)
  public Account get(UUID id) {
    Partner partner = partners.findById(id).orElseThrow(() -> notFound());
    return account(partner, users.findByPartnerId(id));
  }

  /** Joined or left the Network; locked like a purchase, so none is judged half-way (R1). */
  @Transactional
  public Account changeMembership(UUID id, boolean networkMember) {
    Partner partner = partners.lockById(id).orElseThrow(() -> notFound());
    partner.changeMembership(networkMember);
    return account(partner, users.findByPartnerId(id));
  }

  private Account account(Partner partner, List<PartnerUser> partnerUsers) {
    Map<String, PartnerInvitation> invited = invitations.findAllById(
        partnerUsers.stream().map(PartnerUser::getUsername).toList()).stream()
        .collect(Collectors.toMap(PartnerInvitation::getId, Function.identity()));
    return account(partner, partnerUsers, invited);
  }

  private static Account account(Partner partner, Collection<PartnerUser> partnerUsers,
      Map<String, PartnerInvitation> invited) {
    return new Account(partner, partnerUsers.stream()
        .map(user -> user.isPasswordSet()
            ? new AccountUser(user.getUsername(), UserStatus.ACTIVE, null)
            : new AccountUser(user.getUsername(), UserStatus.INVITED,
                invited.containsKey(user.getUsername())
                    ? invited.get(user.getUsername()).getExpiresAt() : null))
        .toList());
  }

  static Refusal notFound() {
    return new Refusal(Refusal.Kind.NOT_FOUND, "not-found", "Partner not found",
        "There is no partner with this id.");
  }

  /** A partner as the operators see it: the partner and who signs in for it. */
  public record Account(Partner partner, List<AccountUser> users) {}

  /** A partner user; an invited one until it has chosen its password. */
  public record AccountUser(String username, UserStatus status, Instant invitationExpiresAt) {}

  public enum UserStatus { INVITED, ACTIVE }
}
