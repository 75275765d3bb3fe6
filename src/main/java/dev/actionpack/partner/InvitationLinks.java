package dev.actionpack.partner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The link an invited user opens, at the address partners reach the service at
 * ({@code actionpack.public-url}): the same whether the admin API or the admin pages invited.
 */
@Component
public class InvitationLinks {

  private final String publicUrl;

  InvitationLinks(@Value("${actionpack.public-url:http://localhost:8080}") String publicUrl) {
    this.publicUrl = publicUrl.endsWith("/")
        ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  public String of(PartnerInvitations.Invitation invitation) {
    return publicUrl + "/portal/invitations/" + invitation.token();
  }
}
