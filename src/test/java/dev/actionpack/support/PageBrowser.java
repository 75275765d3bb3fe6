package dev.actionpack.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the page tests (the portal, the admin pages): a cookie jar, redirects not
 * followed, forms posted with the CSRF token of the page they are on.
 */
public class PageBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile(
      "<input type=\"hidden\" name=\"(?!_csrf)([A-Za-z]+)\" value=\"([^\"]*)\"");

  private final int port;
  private final HttpClient client = HttpClient.newBuilder()
      .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

  public PageBrowser(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form of {@code page} (its CSRF token, if it has one) with these fields. */
  public HttpResponse<String> post(String path, String page, String fields) throws Exception {
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
  public HttpResponse<String> submit(String path, String page, String fields) throws Exception {
    StringBuilder form = new StringBuilder();
    Matcher hidden = HIDDEN.matcher(page);
    while (hidden.find()) {
      form.append(hidden.group(1)).append('=').append(encode(hidden.group(2))).append('&');
    }
    return post(path, page, form + fields);
  }

  /**
   * Posts a {@code multipart/form-data} form of {@code page} (its CSRF token, if it has one):
   * these text fields and, unless {@code fileName} is null, a file in {@code fileField}.
   */
  public HttpResponse<String> upload(String path, String page, Map<String, String> fields,
      String fileField, String fileName, String content) throws Exception {
    String boundary = "----page-browser-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    Matcher token = CSRF.matcher(page);
    if (token.find()) {
      part(body, boundary, "_csrf", null, token.group(1));
    }
    fields.forEach((name, value) -> part(body, boundary, name, null, value));
    if (fileName != null) {
      part(body, boundary, fileField, fileName, content);
    }
    body.append("--").append(boundary).append("--\r\n");
    return client.send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in with the sign-in form at {@code path}. */
  public HttpResponse<String> signIn(String path, String username, String password)
      throws Exception {
    return post(path, get(path).body(), "username=" + encode(username) + "&password="
        + encode(password));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void part(StringBuilder body, String boundary, String name, String fileName,
      String value) {
    body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append("\"\r\n")
          .append("Content-Type: text/csv");
    }
    body.append("\r\n\r\n").append(value).append("\r\n");
  }

  /** A path, or a redirect's absolute location on this server. */
  private URI uri(String path) {
    return URI.create("http://localhost:" + port + (path.startsWith("http")
        ? URI.create(path).getRawPath() : path));
  }
}
