package dev.actionpack.payment.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server (WireMock) that plays the part of Stripe's API the adapter uses, with
 * Stripe's semantics: customers; the test payment methods ({@code pm_card_visa} and friends)
 * cloned into a new payment method when attached, as Stripe does; confirmed PaymentIntents that
 * succeed, are declined (402 with the decline code and the intent) or ask for authentication
 * ({@code authentication_required} off session, {@code requires_action} on session); refunds
 * bounded by what is left of the charge; idempotency keys that replay the first answer and refuse
 * other parameters. Each kind of fault can be queued for the next call to a path: answered before
 * anything happens (reset, 500, 429) or after the work is done (answer lost, answer too slow).
 */
public final class FakeStripe implements ResponseDefinitionTransformerV2 {

  /** What goes wrong with one call. */
  public enum Mishap {
    /** Nothing: the call goes through (to queue a mishap for a later call). */
    NONE,
    /** The connection is reset before Stripe did anything. */
    RESET_BEFORE,
    /** 500: Stripe did nothing. */
    SERVER_ERROR,
    /** 429 rate limited: Stripe did nothing. */
    RATE_LIMITED,
    /** Stripe did the work, then the connection was reset: the answer is lost. */
    ANSWER_LOST,
    /** Stripe did the work; its answer comes after the client's read timeout. */
    ANSWER_TOO_SLOW
  }

  /** A test payment method: what its card looks like and what its charges do. */
  private record TestCard(String brand, String last4, String declineCode, boolean authenticates) {}

  private static final Map<String, TestCard> TEST_CARDS = Map.of(
      "pm_card_visa", new TestCard("visa", "4242", null, false),
      "pm_card_mastercard", new TestCard("mastercard", "4444", null, false),
      "pm_card_chargeDeclined", new TestCard("visa", "0002", "generic_decline", false),
      "pm_card_chargeDeclinedInsufficientFunds",
      new TestCard("visa", "9995", "insufficient_funds", false),
      "pm_card_chargeDeclinedExpiredCard", new TestCard("visa", "0069", "expired_card", false),
      "pm_card_authenticationRequired", new TestCard("visa", "3184", null, true));

  /** The only key this Stripe knows. */
  public static final String API_KEY = "sk_test_localfake";

  private final ObjectMapper json = new ObjectMapper();
  private final WireMockServer server;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<String, Deque<Planned>> mishaps = new HashMap<>();
  private final Map<String, Stored> idempotent = new HashMap<>();
  private final Map<String, ObjectNode> customers = new HashMap<>();
  private final Map<String, ObjectNode> paymentMethods = new HashMap<>();
  private final Map<String, TestCard> cardOf = new HashMap<>();
  private final Map<String, ObjectNode> intents = new LinkedHashMap<>();
  private final Map<String, Long> refunded = new HashMap<>();
  private final int slowAnswerMillis;

  /** An answer, and for a keyed request the form it answered. */
  private record Stored(String body, int status, String answer) {}

  private FakeStripe(int slowAnswerMillis) {
    this.slowAnswerMillis = slowAnswerMillis;
    this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
        .extensions(this));
  }

  /** Starts a fake whose slow answers come after {@code slowAnswerMillis}. */
  public static FakeStripe start(int slowAnswerMillis) {
    FakeStripe fake = new FakeStripe(slowAnswerMillis);
    fake.server.start();
    fake.server.stubFor(WireMock.any(WireMock.urlPathMatching("/v1/.*"))
        .willReturn(WireMock.aResponse().withTransformers(fake.getName())));
    return fake;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String getName() {
    return "fake-stripe";
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** The next calls of {@code method} to {@code path} go wrong like this, one mishap each. */
  public synchronized void nextCalls(String method, String path, Mishap... what) {
    nextCallsSending(method, path, null, what);
  }

  /**
   * Like {@link #nextCalls}, for the calls only whose URL or decoded form contains
   * {@code sending} (say {@code metadata[subscription_number]=500123}): other subscriptions'
   * jobs, due at the same time, are left alone.
   */
  public synchronized void nextCallsSending(String method, String path, String sending,
      Mishap... what) {
    Deque<Planned> planned = mishaps.computeIfAbsent(method + " " + path,
        key -> new ArrayDeque<>());
    for (Mishap mishap : what) {
      planned.add(new Planned(sending, mishap));
    }
  }

  private record Planned(String sending, Mishap mishap) {}

  private Mishap plannedFor(String method, String path, Request request) {
    Deque<Planned> planned = mishaps.get(method + " " + path);
    if (planned == null) {
      return null;
    }
    String sent = request.getUrl() + " " + URLDecoder.decode(
        request.getBodyAsString() == null ? "" : request.getBodyAsString(),
        StandardCharsets.UTF_8);
    for (var each = planned.iterator(); each.hasNext(); ) {
      Planned next = each.next();
      if (next.sending() == null || sent.contains(next.sending())) {
        each.remove();
        return next.mishap();
      }
    }
    return null;
  }

  /** The requests made so far with this method and path, oldest first. */
  public List<LoggedRequest> requests(String method, String path) {
    return server.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .filter(request -> request.getMethod().getName().equals(method)
            && request.getUrl().split("\\?")[0].equals(path))
        .map(LoggedRequest.class::cast)
        .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
        .toList();
  }

  /** The form a request sent, decoded: {@code metadata[term]=2&...}. */
  public static String sent(LoggedRequest request) {
    return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
  }

  /** The PaymentIntents made with this charge key: how many charges Stripe really made. */
  public synchronized List<ObjectNode> intentsWithKey(String chargeKey) {
    return intents.values().stream()
        .filter(intent -> chargeKey.equals(intent.path("metadata").path("charge_key").asText()))
        .toList();
  }

  public synchronized List<ObjectNode> intents() {
    return List.copyOf(intents.values());
  }

  /** The saved payment method now charges like the test card {@code testCard} (funds ran out). */
  public synchronized void chargesLike(String paymentMethodId, String testCard) {
    cardOf.put(paymentMethodId, TEST_CARDS.get(testCard));
  }

  public synchronized long refundedFrom(String intentId) {
    return refunded.getOrDefault(intentId, 0L);
  }

  /** What the webhook's card-updated events carry: the card as Stripe shows it now. */
  public synchronized ObjectNode paymentMethod(String id) {
    return paymentMethods.get(id).deepCopy();
  }

  public void stop() {
    server.stop();
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = request.getUrl().split("\\?")[0];
    String method = request.getMethod().getName();
    Mishap mishap = plannedFor(method, path, request);
    if (mishap == Mishap.RESET_BEFORE) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    if (mishap == Mishap.SERVER_ERROR) {
      return answer(500, error("api_error", null, null, "An unknown error occurred"));
    }
    if (mishap == Mishap.RATE_LIMITED) {
      return answer(429, error("invalid_request_error", "rate_limit", null,
          "Too many requests hit the API too quickly."));
    }
    if (!("Bearer " + API_KEY).equals(request.getHeader("Authorization"))) {
      return answer(401, error("invalid_request_error", null, null, "Invalid API Key provided"));
    }
    Stored result = idempotently(request, method, path);
    if (mishap == Mishap.ANSWER_LOST) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition()
        .withStatus(result.status()).withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_" + ids.incrementAndGet()).withBody(result.answer());
    if (mishap == Mishap.ANSWER_TOO_SLOW) {
      answer.withFixedDelay(slowAnswerMillis);
    }
    return answer.build();
  }

  /** A POST with a key seen before replays its first answer; other parameters are refused. */
  private Stored idempotently(Request request, String method, String path) {
    String key = request.getHeader("Idempotency-Key");
    String body = request.getBodyAsString();
    if (!"POST".equals(method) || key == null) {
      return handle(request, method, path, form(body));
    }
    Stored earlier = idempotent.get(key);
    if (earlier != null) {
      return earlier.body().equals(body) ? earlier
          : new Stored(body, 400, error("idempotency_error", null, null, "Keys for idempotent "
              + "requests can only be used with the same parameters they were first used with."));
    }
    Stored first = handle(request, method, path, form(body));
    idempotent.put(key, new Stored(body, first.status(), first.answer()));
    return first;
  }

  private Stored handle(Request request, String method, String path, Map<String, String> form) {
    String[] parts = path.split("/");
    try {
      if (method.equals("POST") && path.equals("/v1/customers")) {
        ObjectNode customer = object("cus", "customer");
        metadata(customer, form);
        customers.put(customer.get("id").asText(), customer);
        return ok(customer);
      }
      if (method.equals("GET") && parts.length == 4 && parts[2].equals("payment_methods")) {
        return paymentMethodNamed(parts[3]);
      }
      if (method.equals("POST") && parts.length == 5 && parts[4].equals("attach")) {
        return attach(parts[3], form.get("customer"));
      }
      if (method.equals("POST") && path.equals("/v1/payment_intents")) {
        return charge(form);
      }
      if (method.equals("GET") && path.equals("/v1/payment_intents")) {
        return list(request.queryParameter("customer").firstValue());
      }
      if (method.equals("POST") && path.equals("/v1/refunds")) {
        return refund(form);
      }
    } catch (RuntimeException bad) {
      return new Stored("", 400, error("invalid_request_error", "parameter_invalid", null,
          String.valueOf(bad.getMessage())));
    }
    return new Stored("", 404, error("invalid_request_error", "resource_missing", null,
        "Unrecognized request URL (" + method + ": " + path + ")"));
  }

  private Stored paymentMethodNamed(String id) {
    if (paymentMethods.containsKey(id)) {
      return ok(paymentMethods.get(id));
    }
    TestCard card = TEST_CARDS.get(id);
    if (card == null) {
      return new Stored("", 404, error("invalid_request_error", "resource_missing", null,
          "No such PaymentMethod: '" + id + "'"));
    }
    return ok(paymentMethodObject(id, card, null));
  }

  private Stored attach(String id, String customer) {
    if (!customers.containsKey(customer)) {
      return new Stored("", 404, error("invalid_request_error", "resource_missing", null,
          "No such customer: '" + customer + "'"));
    }
    TestCard card = TEST_CARDS.get(id);
    if (card != null) {
      // Stripe clones a test payment method into a new one for the customer
      String clone = "pm_" + ids.incrementAndGet();
      paymentMethods.put(clone, paymentMethodObject(clone, card, customer));
      cardOf.put(clone, card);
      return ok(paymentMethods.get(clone));
    }
    ObjectNode method = paymentMethods.get(id);
    if (method == null) {
      return new Stored("", 404, error("invalid_request_error", "resource_missing", null,
          "No such PaymentMethod: '" + id + "'"));
    }
    method.put("customer", customer);
    return ok(method);
  }

  private Stored charge(Map<String, String> form) {
    String customer = form.get("customer");
    String methodId = form.get("payment_method");
    ObjectNode method = paymentMethods.get(methodId);
    if (method == null || !customer.equals(method.path("customer").asText())) {
      return new Stored("", 400, error("invalid_request_error", "resource_missing", null,
          "The PaymentMethod does not belong to the Customer"));
    }
    TestCard card = cardOf.get(methodId);
    boolean offSession = "true".equals(form.get("off_session"));
    ObjectNode intent = object("pi", "payment_intent");
    intent.put("amount", Long.parseLong(form.get("amount")));
    intent.put("currency", form.get("currency"));
    intent.put("customer", customer);
    intent.put("payment_method", methodId);
    intent.put("description", form.get("description"));
    intent.put("off_session", offSession);
    metadata(intent, form);
    intents.put(intent.get("id").asText(), intent);
    if (card.authenticates() && !offSession) {
      intent.put("status", "requires_action");
      return ok(intent);
    }
    String code = card.authenticates() ? "authentication_required"
        : card.declineCode() == null ? null
        : card.declineCode().equals("expired_card") ? "expired_card" : "card_declined";
    if (code == null) {
      intent.put("status", "succeeded");
      intent.put("latest_charge", "ch_" + ids.incrementAndGet());
      return ok(intent);
    }
    intent.put("status", "requires_payment_method");
    ObjectNode lastError = intent.putObject("last_payment_error");
    lastError.put("type", "card_error").put("code", code);
    if (card.declineCode() != null) {
      lastError.put("decline_code", card.declineCode());
    }
    ObjectNode declined = json.createObjectNode();
    ObjectNode error = declined.putObject("error");
    error.put("type", "card_error").put("code", code).put("message", "Your card was declined.");
    if (card.declineCode() != null) {
      error.put("decline_code", card.declineCode());
    }
    error.set("payment_intent", intent.deepCopy());
    return new Stored("", 402, declined.toString());
  }

  private Stored list(String customer) {
    ObjectNode list = json.createObjectNode();
    list.put("object", "list").put("url", "/v1/payment_intents").put("has_more", false);
    ArrayNode data = list.putArray("data");
    List<ObjectNode> newestFirst = new ArrayList<>(intents.values());
    java.util.Collections.reverse(newestFirst);
    newestFirst.stream().filter(intent -> customer.equals(intent.path("customer").asText()))
        .forEach(data::add);
    return ok(list);
  }

  private Stored refund(Map<String, String> form) {
    ObjectNode intent = intents.get(form.get("payment_intent"));
    if (intent == null || !"succeeded".equals(intent.path("status").asText())) {
      return new Stored("", 400, error("invalid_request_error", "resource_missing", null,
          "No succeeded PaymentIntent to refund"));
    }
    long amount = Long.parseLong(form.get("amount"));
    long left = intent.get("amount").asLong() - refunded.getOrDefault(intent.get("id").asText(),
        0L);
    if (amount <= 0 || amount > left) {
      return new Stored("", 400, error("invalid_request_error", "amount_too_large", null,
          "Refund amount is greater than the unrefunded amount"));
    }
    refunded.merge(intent.get("id").asText(), amount, Long::sum);
    ObjectNode refund = object("re", "refund");
    refund.put("amount", amount).put("currency", intent.get("currency").asText())
        .put("payment_intent", intent.get("id").asText()).put("status", "succeeded");
    metadata(refund, form);
    return ok(refund);
  }

  private ObjectNode paymentMethodObject(String id, TestCard card, String customer) {
    ObjectNode method = json.createObjectNode();
    method.put("id", id).put("object", "payment_method").put("type", "card");
    if (customer == null) {
      method.putNull("customer");
    } else {
      method.put("customer", customer);
    }
    method.putObject("card").put("brand", card.brand()).put("last4", card.last4())
        .put("exp_month", 12).put("exp_year", 2034);
    return method;
  }

  private ObjectNode object(String prefix, String type) {
    ObjectNode object = json.createObjectNode();
    object.put("id", prefix + "_" + ids.incrementAndGet()).put("object", type)
        .put("created", System.currentTimeMillis() / 1000).put("livemode", false);
    return object;
  }

  private static void metadata(ObjectNode object, Map<String, String> form) {
    ObjectNode metadata = object.putObject("metadata");
    form.forEach((name, value) -> {
      if (name.startsWith("metadata[") && name.endsWith("]")) {
        metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
      }
    });
  }

  private Stored ok(ObjectNode object) {
    return new Stored("", 200, object.toString());
  }

  private String error(String type, String code, String declineCode, String message) {
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("type", type).put("message", message);
    if (code != null) {
      error.put("code", code);
    }
    if (declineCode != null) {
      error.put("decline_code", declineCode);
    }
    return body.toString();
  }

  private static ResponseDefinition answer(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body).build();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
          StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1),
          StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }
}
