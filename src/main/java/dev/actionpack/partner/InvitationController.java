package dev.actionpack.partner;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepting an invitation: public, since the invited user has no password yet; the one-time
 * token in the path is the credential. The portal's page for the link will post here.
 */
@RestController
@RequestMapping("/invitations")
class InvitationController {

  private final PartnerInvitations invitations;

  InvitationController(PartnerInvitations invitations) {
    this.invitations = invitations;
  }

  @PostMapping("/{token}")
  Accepted accept(@PathVariable String token, @RequestBody Acceptance acceptance) {
    return new Accepted(invitations.accept(token, acceptance.password()));
  }

  record Acceptance(String password) {}

  record Accepted(String username) {}
}
