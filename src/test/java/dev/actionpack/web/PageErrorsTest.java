package dev.actionpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.domain.Refusal;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What escapes a page's controller becomes a page: the portal's or the admin's error view with
 * the status the failure is, never the API's JSON.
 */
class PageErrorsTest {

  private final PageErrors errors = new PageErrors();

  @Test
  @DisplayName("An unexpected failure of a portal page is its error page, 500, with a reference for the log")
  void shouldAnswerAnUnexpectedFailureWithTheErrorPage() {
    MockHttpServletResponse response = new MockHttpServletResponse();

    ModelAndView page = errors.failed(new IllegalStateException("boom"),
        new MockHttpServletRequest("GET", "/portal/offers"), response);

    assertThat(page.getViewName()).isEqualTo("portal/error");
    assertThat(page.getStatus().value()).isEqualTo(500);
    assertThat(page.getModel()).containsEntry("reason", "failed").containsKey("reference");
  }

  @Test
  @DisplayName("A database out of connections is 503 with Retry-After on a page too; the admin pages get their own error page")
  void shouldAnswerUnavailableWith503() {
    MockHttpServletResponse response = new MockHttpServletResponse();

    ModelAndView page = errors.failed(new RuntimeException(
        new SQLTransientConnectionException("pool exhausted")),
        new MockHttpServletRequest("POST", "/admin/partners"), response);

    assertThat(page.getViewName()).isEqualTo("admin/error");
    assertThat(page.getStatus().value()).isEqualTo(503);
    assertThat(page.getModel()).containsEntry("reason", "unavailable")
        .doesNotContainKey("reference");
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
  }

  @Test
  @DisplayName("A refusal a page did not handle keeps the API's status for its kind; a malformed request its 4xx")
  void shouldKeepTheStatusOfARefusal() {
    ModelAndView conflict = errors.failed(new Refusal(Refusal.Kind.CONFLICT, "x", "X", "x"),
        new MockHttpServletRequest("POST", "/portal/checkout/purchase"),
        new MockHttpServletResponse());
    ModelAndView method = errors.failed(new HttpRequestMethodNotSupportedException("PUT"),
        new MockHttpServletRequest("PUT", "/portal/offers"), new MockHttpServletResponse());

    assertThat(conflict.getStatus().value()).isEqualTo(409);
    assertThat(conflict.getModel()).containsEntry("reason", "refused");
    assertThat(method.getStatus().value()).isEqualTo(405);
  }
}
