package dev.actionpack.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' API (groups {@code partner-admins} and {@code camunda-admin}, see
 * {@code AdminApiSecurity}): partners, their Network membership, invitations of their users, and
 * a CSV import of many partners.
 */
@RestController
@RequestMapping("/admin-api/partners")
class PartnerAdminController {

  private final PartnerOnboarding onboarding;
  private final PartnerInvitations invitations;
  private final PartnerImport partnerImport;
  private final InvitationLinks links;

  PartnerAdminController(PartnerOnboarding onboarding, PartnerInvitations invitations,
      PartnerImport partnerImport, InvitationLinks links) {
    this.onboarding = onboarding;
    this.invitations = invitations;
    this.partnerImport = partnerImport;
    this.links = links;
  }

  @PostMapping
  ResponseEntity<PartnerView> create(@RequestBody PartnerDetails details) {
    PartnerView created = PartnerView.of(onboarding.create(details));
    return ResponseEntity.created(URI.create("/admin-api/partners/" + created.id()))
        .body(created);
  }

  @GetMapping
  List<PartnerView> list() {
    return onboarding.list().stream().map(PartnerView::of).toList();
  }

  @GetMapping("/{id}")
  PartnerView get(@PathVariable UUID id) {
    return PartnerView.of(onboarding.get(id));
  }

  @PutMapping("/{id}/membership")
  PartnerView changeMembership(@PathVariable UUID id,
      @Valid @RequestBody MembershipChange change) {
    return PartnerView.of(onboarding.changeMembership(id, change.networkMember()));
  }

  @PostMapping("/{id}/invitations")
  ResponseEntity<InvitationView> invite(@PathVariable UUID id,
      @RequestBody NewInvitation request) {
    PartnerInvitations.Invitation invitation =
        invitations.invite(id, request.username(), request.email());
    return ResponseEntity.status(HttpStatus.CREATED).body(new InvitationView(
        invitation.username(), invitation.expiresAt(), links.of(invitation)));
  }

  /** A UTF-8 CSV file with the header {@value PartnerImport#HEADER}. */
  @PostMapping(path = "/import", consumes = "text/csv")
  PartnerImport.Report importCsv(@RequestBody byte[] csv) {
    return partnerImport.importCsv(csv);
  }

  record MembershipChange(@NotNull(message = "is required: true or false")
      Boolean networkMember) {}

  record NewInvitation(String username, String email) {}

  record InvitationView(String username, Instant expiresAt, String invitationUrl) {}

  record PartnerView(UUID id, String name, boolean networkMember, String locale, String email,
      List<UserView> users) {

    static PartnerView of(PartnerOnboarding.Account account) {
      Partner partner = account.partner();
      return new PartnerView(partner.getId(), partner.getName(), partner.isNetworkMember(),
          partner.getLocale(), partner.getEmail(),
          account.users().stream().map(UserView::of).toList());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record UserView(String username, PartnerOnboarding.UserStatus status,
      Instant invitationExpiresAt) {

    static UserView of(PartnerOnboarding.AccountUser user) {
      return new UserView(user.username(), user.status(), user.invitationExpiresAt());
    }
  }
}
