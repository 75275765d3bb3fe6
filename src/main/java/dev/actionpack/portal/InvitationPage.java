package dev.actionpack.portal;

import dev.actionpack.domain.Refusal;
import dev.actionpack.partner.PartnerInvitations;
import dev.actionpack.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation link opens: the invited partner user chooses a password, then signs
 * in. A link that does not work (wrong, used, expired) says so, and only so.
 */
@Controller
class InvitationPage {

  private final PartnerInvitations invitations;
  private final MessageSource texts;

  InvitationPage(PartnerInvitations invitations, MessageSource texts) {
    this.invitations = invitations;
    this.texts = texts;
  }

  @GetMapping("/portal/invitations/{token}")
  String show(@PathVariable String token, Locale locale, Model model,
      HttpServletResponse response) {
    model.addAttribute("token", token);
    if (!invitations.usable(token)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("problem", texts.getMessage("portal.invitation.unusable", null,
          locale));
      model.addAttribute("unusable", true);
    }
    return "portal/invitation";
  }

  @PostMapping("/portal/invitations/{token}")
  String accept(@PathVariable String token, @RequestParam(required = false) String password,
      @RequestParam(required = false) String confirmation, Locale locale, Model model,
      HttpServletResponse response) {
    model.addAttribute("token", token);
    if (password == null || !password.equals(confirmation)) {
      response.setStatus(422);
      model.addAttribute("problem", texts.getMessage("portal.invitation.mismatch", null,
          locale));
      return "portal/invitation";
    }
    try {
      invitations.accept(token, password);
      return "redirect:/portal/login?welcome";
    } catch (Refusal refusal) {
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      model.addAttribute("problem", refusal.kind() == Refusal.Kind.NOT_FOUND
          ? texts.getMessage("portal.invitation.unusable", null, locale)
          : texts.getMessage("portal.invitation.weak", null, locale));
      model.addAttribute("unusable", refusal.kind() == Refusal.Kind.NOT_FOUND);
      return "portal/invitation";
    }
  }
}
