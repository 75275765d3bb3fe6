package dev.actionpack.portal;

import dev.actionpack.support.ApiTest.PartnerLogin;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the portal tests: a cookie jar, redirects not followed, forms posted with the
 * CSRF token of the page they are on.
 */
final class PortalBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile(
      "<input type=\"hidden\" name=\"(?!_csrf)([A-Za-z]+)\" value=\"([^\"]*)\"");

  private final int port;
  private final HttpClient client = HttpClient.newBuilder()
      .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

  PortalBrowser(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form of {@code page} (its CSRF token, if it has one) with these fields. */
  HttpResponse<String> post(String path, String page, String fields) throws Exception {
    Matcher token = CSRF.matcher(page);
    String form = (token.find() ? "_csrf=" + encode(token.group(1)) + "&" : "") + fields;
    return client.send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Submits a form of {@code page} as a browser does: its CSRF token and its hidden fields (the
   * purchase steps' state), then these fields.
   */
  HttpResponse<String> submit(String path, String page, String fields) throws Exception {
    StringBuilder form = new StringBuilder();
    Matcher hidden = HIDDEN.matcher(page);
    while (hidden.find()) {
      form.append(hidden.group(1)).append('=').append(encode(hidden.group(2))).append('&');
    }
    return post(path, page, form + fields);
  }

  HttpResponse<String> signIn(PartnerLogin partner) throws Exception {
    return post("/portal/login", get("/portal/login").body(), "username="
        + encode(partner.username()) + "&password=" + encode(partner.password()));
  }

  String signInAndGet(PartnerLogin partner, String path) throws Exception {
    signIn(partner);
    return get(path).body();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A path, or a redirect's absolute location on this server. */
  private URI uri(String path) {
    return URI.create("http://localhost:" + port + (path.startsWith("http")
        ? URI.create(path).getRawPath() : path));
  }
}
