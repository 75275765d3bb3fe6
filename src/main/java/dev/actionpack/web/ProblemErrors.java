package dev.actionpack.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error on {@code /api}, {@code /admin-api} and {@code /invitations} is a problem body,
 * wherever it arises: the ones the controllers raise ({@link ApiExceptionHandler}), the ones
 * the servlet container sends on (a path no controller serves), and the ones the web server
 * answers before any servlet runs (a path it cannot decode). None repeats the request.
 */
@Configuration
class ProblemErrors {

  @Bean
  BasicErrorController errorController(ErrorAttributes attributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    return new ApiAwareErrorController(attributes, server, resolvers.orderedStream().toList());
  }

  /** Tomcat's own error page, for requests it refuses before the application sees them. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        // the host adds its error report valve when it starts, by this class name
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
    });
  }

  static boolean isApi(String uri) {
    return uri != null && (uri.startsWith("/api") || uri.startsWith("/admin-api")
        || uri.startsWith("/invitations"));
  }

  /** The problem for an error status; fixed words only, nothing from the request. */
  static Map<String, Object> problem(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "/problems/" + (status == 404 ? "not-found"
        : status == 405 ? "method-not-allowed" : "bad-request"));
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", status == 404 ? "There is nothing at this address."
        : "The request is not accepted.");
    return problem;
  }

  static String problemJson(int status) {
    StringBuilder json = new StringBuilder("{");
    problem(status).forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
        .append('"').append(name).append("\":").append(value instanceof Integer ? value
            : "\"" + value + "\""));
    return json.append('}').toString();
  }

  /** Spring Boot's error controller, answering problem bodies for the APIs. */
  static final class ApiAwareErrorController extends BasicErrorController {

    ApiAwareErrorController(ErrorAttributes attributes, ServerProperties server,
        List<ErrorViewResolver> resolvers) {
      super(attributes, server.getError(), resolvers);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
      if (!isApi((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
        return super.errorHtml(request, response);
      }
      try {
        response.setStatus(getStatus(request).value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(problemJson(getStatus(request).value()));
      } catch (IOException gone) {
        // the client went away
      }
      return null;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
      if (!isApi((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
        return super.error(request);
      }
      HttpStatus status = getStatus(request);
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem(status.value()));
    }
  }

  /**
   * Tomcat's error report for what it refuses before any servlet runs (an undecodable path, say):
   * a problem body on the partner API, Tomcat's page elsewhere; never the server's details.
   */
  public static final class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
      if (!isApi(request.getRequestURI())) {
        super.report(request, response, failure);
        return;
      }
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(problemJson(status));
        }
      } catch (IOException | IllegalStateException gone) {
        // the client went away, or the response was taken over
      }
    }
  }
}
