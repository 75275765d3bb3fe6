package dev.actionpack.admin;

import dev.actionpack.domain.Refusal;
import dev.actionpack.partner.InvitationLinks;
import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerDetails;
import dev.actionpack.partner.PartnerImport;
import dev.actionpack.partner.PartnerInvitations;
import dev.actionpack.partner.PartnerOnboarding;
import dev.actionpack.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' pages over the admin API's services: the partners, a form to create one, a
 * CSV import with its report, and per partner its membership and the invitation of its users
 * with the one-time link. The pages refuse what the API refuses, with the API's status for
 * each kind of refusal ({@link ApiProblem#statusCode}), each field at fault named next to its
 * input; the services check everything before they write, so a refused form leaves nothing.
 * English only; the texts are in {@code admin.properties}.
 */
@Controller
@RequestMapping("/admin")
class PartnerPages {

  /** The create form's inputs, by the service's field names. */
  private static final Map<String, String> CREATE_FIELDS = Map.of("name", "name",
      "networkMember", "networkMember", "locale", "locale", "email", "email");
  private static final Map<String, String> INVITE_FIELDS = Map.of("username", "username",
      "email", "inviteEmail");
  /** The membership form has no input of its own to show a problem at: all are general. */
  private static final Map<String, String> MEMBERSHIP_FIELDS = Map.of();
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
      "uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final PartnerOnboarding onboarding;
  private final PartnerInvitations invitations;
  private final PartnerImport partnerImport;
  private final InvitationLinks links;
  private final MessageSource texts;

  PartnerPages(PartnerOnboarding onboarding, PartnerInvitations invitations,
      PartnerImport partnerImport, InvitationLinks links, MessageSource texts) {
    this.onboarding = onboarding;
    this.invitations = invitations;
    this.partnerImport = partnerImport;
    this.links = links;
    this.texts = texts;
  }

  @GetMapping("/login")
  String signIn() {
    return "admin/login";
  }

  @GetMapping({"", "/"})
  String home() {
    return "redirect:/admin/partners";
  }

  /**
   * Not an operator, or a form sent without its CSRF token (forwarded here with the refused
   * request's method); the status is always 403.
   */
  @RequestMapping("/denied")
  String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("staleForm",
        request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
    return "admin/denied";
  }

  /** Every partner by name, the create form and the import form. */
  @GetMapping("/partners")
  String list(Model model) {
    return listPage(CreateForm.blank(), Problems.NONE, Problems.NONE, null, model);
  }

  /** Creates the partner and shows it; a refusal shows the form again as entered. */
  @PostMapping("/partners")
  String create(@RequestParam(required = false) String name,
      @RequestParam(required = false) String networkMember,
      @RequestParam(required = false) String locale,
      @RequestParam(required = false) String email, Model model,
      HttpServletResponse response, RedirectAttributes next) {
    CreateForm form = new CreateForm(name, "true".equals(networkMember), locale, email);
    try {
      Partner created = onboarding.create(new PartnerDetails(name, form.networkMember(),
          locale, email)).partner();
      next.addFlashAttribute("notice", text("admin.partner.created", created.getName()));
      return "redirect:/admin/partners/" + created.getId();
    } catch (Refusal refusal) {
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      return listPage(form, problems(refusal, CREATE_FIELDS), Problems.NONE, null, model);
    }
  }

  /**
   * Imports an uploaded file, else the pasted rows, and shows the report: the partners created
   * and every fault of the rows refused, by line. A file refused as a whole (its header) shows
   * the reason at the import form.
   */
  @PostMapping("/partners/import")
  String importCsv(@RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String rows, Model model,
      HttpServletResponse response) throws IOException {
    boolean uploaded = file != null && !file.isEmpty();
    Map<String, String> fields = Map.of("header", uploaded ? "file" : "rows",
        "body", "file", "file", "file");
    try {
      PartnerImport.Report report;
      if (uploaded) {
        report = partnerImport.importCsv(file.getBytes());
      } else if (rows != null && !rows.isBlank()) {
        report = partnerImport.importCsv(rows);
      } else {
        throw Refusal.invalidField("file", text("admin.import.nothing"));
      }
      return listPage(CreateForm.blank(), Problems.NONE, Problems.NONE, report, model);
    } catch (Refusal refusal) {
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      model.addAttribute("rows", uploaded ? null : rows);
      return listPage(CreateForm.blank(), Problems.NONE, problems(refusal, fields), null, model);
    }
  }

  /** One partner, its users, the membership switch and the invitation form. */
  @GetMapping("/partners/{id}")
  String partner(@PathVariable String id, Model model, HttpServletResponse response) {
    Optional<PartnerOnboarding.Account> account = account(id);
    if (account.isEmpty()) {
      return notFound(response);
    }
    return partnerPage(account.get(), new InviteForm(null, null), Problems.NONE, Problems.NONE,
        null, model);
  }

  /** Joined or left the Network (R1, R24), then the partner's page again. */
  @PostMapping("/partners/{id}/membership")
  String changeMembership(@PathVariable String id,
      @RequestParam(required = false) String networkMember, Model model,
      HttpServletResponse response, RedirectAttributes next) {
    Optional<UUID> partnerId = partnerId(id);
    if (partnerId.isEmpty()) {
      return notFound(response);
    }
    try {
      if (!"true".equals(networkMember) && !"false".equals(networkMember)) {
        throw Refusal.invalidField("networkMember", "must be true or false");
      }
      Partner changed = onboarding.changeMembership(partnerId.get(),
          Boolean.parseBoolean(networkMember)).partner();
      next.addFlashAttribute("notice", text(changed.isNetworkMember()
          ? "admin.membership.joined" : "admin.membership.left", changed.getName()));
      return "redirect:/admin/partners/" + changed.getId();
    } catch (Refusal refusal) {
      if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
        return notFound(response);
      }
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      return partnerPage(onboarding.get(partnerId.get()), new InviteForm(null, null),
          problems(refusal, MEMBERSHIP_FIELDS), Problems.NONE, null, model);
    }
  }

  /**
   * Invites a partner user and shows its one-time link with its expiry, this once: the link is
   * in this answer only, never in the session or the log.
   */
  @PostMapping("/partners/{id}/invitations")
  String invite(@PathVariable String id, @RequestParam(required = false) String username,
      @RequestParam(required = false) String email, Model model,
      HttpServletResponse response) {
    Optional<UUID> partnerId = partnerId(id);
    if (partnerId.isEmpty()) {
      return notFound(response);
    }
    InviteForm form = new InviteForm(username, email);
    try {
      PartnerInvitations.Invitation invitation = invitations.invite(partnerId.get(), username,
          email);
      return partnerPage(onboarding.get(partnerId.get()), new InviteForm(null, null),
          Problems.NONE, Problems.NONE, new InvitationShown(invitation.username(),
              links.of(invitation), MOMENT.format(invitation.expiresAt())), model);
    } catch (Refusal refusal) {
      if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
        return notFound(response);
      }
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      return partnerPage(onboarding.get(partnerId.get()), form, Problems.NONE,
          problems(refusal, INVITE_FIELDS), null, model);
    }
  }

  private String listPage(CreateForm form, Problems createProblems, Problems importProblems,
      PartnerImport.Report report, Model model) {
    model.addAttribute("partners", onboarding.list().stream().map(PartnerPages::line).toList());
    model.addAttribute("locales", Partner.LOCALES);
    model.addAttribute("form", form);
    model.addAttribute("createProblems", createProblems);
    model.addAttribute("importProblems", importProblems);
    model.addAttribute("report", report == null ? null : new ReportShown(
        report.created(), report.rejected().stream().map(rejected -> new RejectedLine(
            rejected.line(), label(rejected.field()), rejected.reason())).toList()));
    model.addAttribute("header", PartnerImport.HEADER);
    return "admin/partners";
  }

  private String partnerPage(PartnerOnboarding.Account account, InviteForm form,
      Problems membershipProblems, Problems inviteProblems, InvitationShown invitation,
      Model model) {
    model.addAttribute("partner", line(account));
    model.addAttribute("inviteForm", form);
    model.addAttribute("membershipProblems", membershipProblems);
    model.addAttribute("inviteProblems", inviteProblems);
    model.addAttribute("invitation", invitation);
    return "admin/partner";
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "admin/not-found";
  }

  private Optional<PartnerOnboarding.Account> account(String id) {
    return partnerId(id).flatMap(partnerId -> {
      try {
        return Optional.of(onboarding.get(partnerId));
      } catch (Refusal notFound) {
        return Optional.empty();
      }
    });
  }

  /** A partner's id from the path; anything else is as unknown as an id nobody has. */
  private static Optional<UUID> partnerId(String id) {
    try {
      UUID parsed = UUID.fromString(id);
      return parsed.toString().equals(id) ? Optional.of(parsed) : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /**
   * What the refusal says, per input: each field at fault by its label and the service's
   * reason ("Name is required."); a field the form has no input for, or a refusal of no field,
   * as a general message of the form.
   */
  private Problems problems(Refusal refusal, Map<String, String> inputs) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    if (refusal.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      for (Object error : errors) {
        if (error instanceof Refusal.FieldError field) {
          String message = text("admin.problem.field", label(field.field()), field.reason());
          String input = inputs.get(field.field());
          if (input == null) {
            general.add(message);
          } else {
            fields.merge(input, message, (first, second) -> first + " " + second);
          }
        }
      }
    } else {
      general.add(texts.getMessage("admin.problem." + refusal.type(), null,
          refusal.getMessage(), Locale.ENGLISH));
    }
    return new Problems(fields, general);
  }

  private String label(String field) {
    return texts.getMessage("admin.field." + field, null, field, Locale.ENGLISH);
  }

  private String text(String key, Object... arguments) {
    return texts.getMessage(key, arguments, Locale.ENGLISH);
  }

  private static PartnerLine line(PartnerOnboarding.Account account) {
    Partner partner = account.partner();
    return new PartnerLine(partner.getId(), partner.getName(), partner.isNetworkMember(),
        partner.getLocale(), partner.getEmail(), account.users().stream()
        .map(user -> new UserLine(user.username(), user.status().name(),
            user.invitationExpiresAt() == null ? null
                : MOMENT.format(user.invitationExpiresAt())))
        .toList());
  }

  record CreateForm(String name, boolean networkMember, String locale, String email) {

    static CreateForm blank() {
      return new CreateForm(null, false, Partner.LOCALES.get(0), null);
    }
  }

  record InviteForm(String username, String email) {}

  /** The reasons of a refusal by the id of the input at fault, and those of no input. */
  record Problems(Map<String, String> fields, List<String> general) {

    static final Problems NONE = new Problems(Map.of(), List.of());

    public boolean isEmpty() {
      return fields.isEmpty() && general.isEmpty();
    }

    public boolean has(String input) {
      return fields.containsKey(input);
    }

    public String of(String input) {
      return fields.get(input);
    }
  }

  record PartnerLine(UUID id, String name, boolean networkMember, String locale, String email,
      List<UserLine> users) {}

  /** A user; {@code invitationExpires} while its link is unused. */
  record UserLine(String username, String status, String invitationExpires) {}

  record InvitationShown(String username, String link, String expires) {}

  record ReportShown(List<PartnerImport.Created> created, List<RejectedLine> rejected) {}

  record RejectedLine(int line, String field, String reason) {}
}
