package dev.actionpack.portal;

import static dev.actionpack.portal.PortalBrowser.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.support.LifecycleTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Partner Center Support in the portal, as a browser uses it: Report a Partner Center problem,
 * New request, the request followed to its resolution while an agent works it in Tasklist, in
 * the partner's language with its money and dates; refused fields said in that language; and
 * nothing of another partner's request.
 */
class PortalSupportPagesTest extends LifecycleTest {

  private static final String PROBLEM_TYPE = "PARTNER_INVOICE_PAYMENT_RECONCILIATION";

  @LocalServerPort
  private int port;

  @Test
  @DisplayName("R15 R16 R17 R19 a Chinese partner reports a problem under 报告合作伙伴中心问题 > 新建请求, follows it from 打开 to 已关闭 and sees the prorated refund in US$236.20")
  void shouldOpenAndFollowARequestInChinese() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "zh-CN");
    String subscription = subscribe(partner, "4242424242424242").get("number").asText();
    clockAt("2027-09-10T10:00:00Z");
    PortalBrowser browser = new PortalBrowser(port);
    browser.signIn(partner);

    String empty = browser.get("/portal/support").body();
    String form = browser.get("/portal/support/new").body();
    HttpResponse<String> submitted = browser.post("/portal/support/new", form,
        fields(subscription, "请取消我们的 Action Pack 订阅。", "pat@partners.example", "zh-CN"));
    jobs().runDue();
    String location = submitted.headers().firstValue("Location").orElseThrow();
    String request = location.substring(location.lastIndexOf('/') + 1);
    String opened = browser.get("/portal/support/" + request).body();
    String listed = browser.get("/portal/support").body();

    assertThat(empty).contains("lang=\"zh-CN\"", "<h1>报告合作伙伴中心问题</h1>",
        "服务请求 &gt; 合作伙伴中心请求", "新建请求", "你还没有服务请求。",
        "href=\"/portal/support\">报告合作伙伴中心问题</a>");
    assertThat(form).contains("<label for=\"problemType\">问题类型</label>",
        ">合作伙伴发票、付款或对帐文件帮助</option>", ">提交</button>",
        "<label for=\"description\">描述</label>", "<label for=\"contactEmail\">电子邮件</label>",
        "<option value=\"" + subscription + "\" selected=\"selected\">" + subscription
            + "：Microsoft Action Pack（有效）</option>",
        "<option value=\"zh-CN\" lang=\"zh-CN\" selected=\"selected\">中文</option>");
    assertThat(submitted.statusCode()).isEqualTo(302);
    assertThat(request).startsWith("SR-");
    assertThat(opened).contains("服务请求 " + request, "你的请求 " + request + " 已提交。",
        "<dd>打开</dd>", "合作伙伴发票、付款或对帐文件帮助", subscription,
        "请取消我们的 Action Pack 订阅。", "pat@partners.example", "2027年9月10日（UTC）")
        .doesNotContain("解决方案");
    assertThat(listed).contains(request, "<td>打开</td>", "2027年9月10日（UTC）");

    Task task = taskOf(request);
    taskService.claim(task.getId(), "sam");
    taskService.complete(task.getId(), Map.of("outcome", "WAITING_ON_PARTNER",
        "resolutionNote", "请打电话确认取消。"));
    String waiting = browser.get("/portal/support?status=ATTENTION_NEEDED").body();
    String noneOpen = browser.get("/portal/support?status=OPEN").body();
    Task again = taskOf(request);
    taskService.claim(again.getId(), "sam");
    taskService.complete(again.getId(), Map.of("outcome", "CANCEL_NOW", "refund", "PRORATED",
        "contactMade", true, "resolutionNote", "已按约定取消。"));
    jobs().runDue();
    String closed = browser.get("/portal/support/" + request).body();
    String closedList = browser.get("/portal/support?status=CLOSED").body();
    String stillNoneOpen = browser.get("/portal/support?status=OPEN").body();

    assertThat(waiting).contains(request, "<td>需要你处理</td>");
    assertThat(noneOpen).doesNotContain(request).contains("没有此状态的服务请求。");
    assertThat(closed).contains("<dd>已关闭</dd>", "<h2 id=\"resolution\">解决方案</h2>",
        "订阅已立即取消。", "<dd>US$236.20</dd>", "已按约定取消。",
        "支持团队的消息：请打电话确认取消。");
    String history = closed.substring(closed.indexOf("<h2 id=\"history\">"));
    assertThat(history).containsSubsequence("2027年9月10日（UTC）", "打开", "处理中", "需要你处理",
        "处理中", "已关闭");
    assertThat(closedList).contains(request, "<td>已关闭</td>");
    assertThat(stillNoneOpen).doesNotContain(request);
    assertThat(browser.get("/portal/support?status=SOMETIMES").statusCode()).isEqualTo(422);
    assertThat(subscription(partner, subscription).get("status").asText())
        .isEqualTo("CANCELLED");
  }

  @Test
  @DisplayName("R17 R19 a request's history in the page's language: back in the queue and waiting on the partner without a note are said in Spanish and in Chinese, never in the API's English; the agent's own message stays as written")
  void shouldShowTheHistoryInThePartnersLanguage() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String subscription = subscribe(partner, "4242424242424242").get("number").asText();
    PortalBrowser browser = new PortalBrowser(port);
    browser.signIn(partner);
    String location = browser.post("/portal/support/new", browser.get("/portal/support/new")
        .body(), fields(subscription, "Cancelad la suscripción, por favor.",
        "pat@partners.example", "es-ES")).headers().firstValue("Location").orElseThrow();
    String request = location.substring(location.lastIndexOf('/') + 1);

    Task task = taskOf(request);
    taskService.claim(task.getId(), "sam");
    taskService.setAssignee(task.getId(), null);
    taskService.claim(task.getId(), "sam");
    taskService.complete(task.getId(), Map.of("outcome", "WAITING_ON_PARTNER"));
    Task again = taskOf(request);
    taskService.claim(again.getId(), "sam");
    taskService.complete(again.getId(), Map.of("outcome", "WAITING_ON_PARTNER",
        "resolutionNote", "Call us back, please."));
    String spanish = history(browser.get("/portal/support/" + request).body());
    String chinese = history(browser.get("/portal/support/" + request + "?lang=zh-CN").body());

    assertThat(spanish).containsSubsequence("solicitud recibida, a la espera de un agente",
        "un agente de soporte la está atendiendo.", "de nuevo en la cola de soporte",
        "un agente de soporte la está atendiendo.", "el soporte espera tu respuesta.",
        "Mensaje del soporte: Call us back, please.");
    assertThat(chinese).containsSubsequence("已收到请求", "支持人员正在处理。", "已退回支持队列",
        "支持人员正在处理。", "支持团队正在等待你的答复。", "支持团队的消息：Call us back, please.");
    for (String page : new String[] {spanish, chinese}) {
      assertThat(page).doesNotContain("Support is waiting for your answer", "Request received",
          "Returned to the support queue", "A support agent is working on it");
    }
    assertThat(get(partner, "/api/service-requests/" + request).body().get("history")
        .findValuesAsText("note")).as("the API keeps its English lines").contains(
        "Returned to the support queue", "Support is waiting for your answer",
        "Call us back, please.");
  }

  @Test
  @DisplayName("R15 R19 a Spanish partner's form without a description and with a bad email comes back as entered, with the reasons in Spanish; someone else's subscription is refused; nothing is opened")
  void shouldRefuseAnInvalidFormInSpanish() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String subscription = subscribe(partner, "4242424242424242").get("number").asText();
    PartnerLogin other = newMember();
    String othersSubscription = subscribe(other, "4242424242424242").get("number").asText();
    PortalBrowser browser = new PortalBrowser(port);
    browser.signIn(partner);

    String form = browser.get("/portal/support/new").body();
    HttpResponse<String> invalid = browser.post("/portal/support/new", form,
        fields(subscription, "", "not-an-email", "es-ES"));
    HttpResponse<String> foreign = browser.post("/portal/support/new", form,
        fields(othersSubscription, "Cancelad la suscripción, por favor.", "pat@partners.example",
            "es-ES"));

    assertThat(form).contains("lang=\"es-ES\"", "<h1>Nueva solicitud</h1>",
        "<label for=\"problemType\">Tipo de problema</label>",
        ">Ayuda con la factura de partner, pago o archivo de conciliación</option>",
        ">Enviar</button>",
        "<option value=\"es-ES\" lang=\"es-ES\" selected=\"selected\">Español</option>");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("role=\"alert\"",
        "No se ha enviado la solicitud. Corrige estos campos:",
        "Descripción: describe lo que necesitas.",
        "Correo electrónico: no es una dirección de correo electrónico",
        "value=\"not-an-email\"", "value=\"Pat Partner\"", "value=\"+34 91 555 0100\"",
        "id=\"description-problem\"", "aria-invalid=\"true\"",
        "<option value=\"" + subscription + "\" selected=\"selected\">")
        .doesNotContain("Exception", "is required", "Nombre:", "Teléfono:");
    assertThat(invalid.body().indexOf("Descripción: describe"))
        .isLessThan(invalid.body().indexOf("Correo electrónico: no es"));
    assertThat(foreign.statusCode()).isEqualTo(422);
    assertThat(foreign.body()).contains("Suscripción: elige una de tus suscripciones.",
        "Cancelad la suscripción, por favor.");
    assertThat(get(partner, "/api/service-requests").body()).isEmpty();
    assertThat(get(other, "/api/service-requests").body()).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from service_request where partner_id in "
        + "(?, ?)", Long.class, partner.partnerId(), other.partnerId())).isZero();
  }

  @Test
  @DisplayName("R23 another partner's request, or none, is the not-found page; signed out, the support pages are the sign-in page; a form without its CSRF token is refused")
  void shouldKeepRequestsApart() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin owner = newMember();
    String subscription = subscribe(owner, "4242424242424242").get("number").asText();
    String request = post(owner, "/api/service-requests", Map.of(
        "problemType", PROBLEM_TYPE, "subscriptionNumber", subscription,
        "description", "Secret plans of the owner.",
        "contact", Map.of("name", "Olga Owner", "email", "olga@partners.example",
            "phone", "+1 425 555 0100", "preferredLanguage", "en-US"))).body()
        .get("number").asText();
    PartnerLogin other = newMember();
    PortalBrowser intruder = new PortalBrowser(port);
    intruder.signIn(other);
    PortalBrowser anonymous = new PortalBrowser(port);
    PortalBrowser ownersBrowser = new PortalBrowser(port);
    ownersBrowser.signIn(owner);

    HttpResponse<String> foreign = intruder.get("/portal/support/" + request);
    HttpResponse<String> missing = intruder.get("/portal/support/SR-999999999");
    String intrudersList = intruder.get("/portal/support").body();
    HttpResponse<String> forged = ownersBrowser.post("/portal/support/new", "",
        fields(subscription, "Forged.", "olga@partners.example", "en-US"));

    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).contains("Not found").doesNotContain(request, subscription,
        "Secret plans", "Olga");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Not found");
    assertThat(intrudersList).doesNotContain(request);
    for (String path : new String[] {"/portal/support", "/portal/support/new",
        "/portal/support/" + request}) {
      HttpResponse<String> signedOut = anonymous.get(path);
      assertThat(signedOut.statusCode()).as(path).isEqualTo(302);
      assertThat(signedOut.headers().firstValue("Location").orElseThrow()).as(path)
          .endsWith("/portal/login");
    }
    assertThat(anonymous.post("/portal/support/new", anonymous.get("/portal/login").body(),
        fields(subscription, "Anonymous.", "a@partners.example", "en-US")).statusCode())
        .isEqualTo(302);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(get(owner, "/api/service-requests").body().findValuesAsText("number"))
        .containsExactly(request);
  }

  private static String fields(String subscription, String description, String email,
      String language) {
    boolean spanish = language.equals("es-ES");
    return "problemType=" + PROBLEM_TYPE + "&subscriptionNumber=" + encode(subscription)
        + "&description=" + encode(description)
        + "&contactName=" + encode("Pat Partner")
        + "&contactEmail=" + encode(email)
        + "&contactPhone=" + encode(spanish ? "+34 91 555 0100" : "+1 425 555 0100")
        + "&preferredLanguage=" + language;
  }

  private static String history(String page) {
    return page.substring(page.indexOf("<h2 id=\"history\">"));
  }

  private Task taskOf(String requestNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(requestNumber)
        .singleResult();
  }
}
