package dev.actionpack.persistence;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes an H2 file database keep what the service has told anyone (R7, R19).
 *
 * <p>H2 writes committed transactions to its file in the background, up to half a second later
 * ({@code WRITE_DELAY}): a {@code kill -9} in that window lost orders whose confirmation the API
 * had already sent. So every answer of the service's HTTP interfaces (the partner API,
 * engine-rest and the webapps' API) is held back until H2 has written everything committed so
 * far ({@code CHECKPOINT}): whatever a client has been told, it was told after it reached the
 * file. That alone was not enough: with the background writes, a {@code kill -9} during a
 * renewal day twice left the file holding part of a transaction (an order confirmed while the
 * engine's state of the same step was missing; a job whose executions were missing). Every
 * commit is therefore also written at once ({@code WRITE_DELAY=0}, about a quarter more CPU per
 * renewal on this machine's benchmark), and what nobody was told yet is either in the file whole
 * or not at all, and then done again: every such step is idempotent. An answer whose write fails
 * becomes a 503, to be tried again.
 *
 * <p>Written at once, a commit is a chunk of its own (about 25 KB here) that H2 keeps for 45 s
 * before it may reuse its space ({@code RETENTION_TIME}); without the background writer nothing
 * comes back to reuse it later, so the file grew by every commit for good (1 GB per 40 000
 * commits, {@code H2DurabilityTest}). {@code RETENTION_TIME=0} lets the next commit reuse the
 * space of chunks nothing points to any more, and the file stays bounded. A process killed
 * loses nothing by it (its writes are in the operating system's cache, in order); a power cut
 * could, as it could before (below).
 *
 * <p>H2 also compacts its file when it closes, moving chunks over each other; an interrupted close
 * can then leave the file at an older state. {@code MAX_COMPACT_TIME=0} closes without moving
 * anything. The three settings are added to every H2 file URL that does not set them itself.
 *
 * <p>What this does not give: H2 does not {@code fsync} a write, so a power cut or an
 * operating-system crash can still lose the last moments. Production runs on PostgreSQL.
 */
@Configuration
public class H2Durability {

  static final String MAX_COMPACT_TIME = "MAX_COMPACT_TIME=0";
  static final String WRITE_DELAY = "WRITE_DELAY=0";
  static final String RETENTION_TIME = "RETENTION_TIME=0";

  private static final Logger log = LoggerFactory.getLogger(H2Durability.class);

  /** Adds {@link #MAX_COMPACT_TIME} to the application's H2 file URL. */
  @Bean
  static BeanPostProcessor h2SafeClose() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
          dataSource.setJdbcUrl(durable(dataSource.getJdbcUrl()));
        }
        return bean;
      }
    };
  }

  /**
   * Holds every answer of the HTTP interfaces until H2 has written what it committed.
   * ({@code actionpack.h2.write-before-answer=false} turns it off, to measure what it costs.)
   */
  @Bean
  FilterRegistrationBean<WrittenBeforeAnswered> writtenBeforeAnswered(Environment environment,
      DataSourceProperties database) {
    boolean h2File = isLocalFile(environment.getProperty("spring.datasource.url", ""))
        && environment.getProperty("actionpack.h2.write-before-answer", Boolean.class, true);
    FilterRegistrationBean<WrittenBeforeAnswered> registration = new FilterRegistrationBean<>(
        new WrittenBeforeAnswered(h2File ? OwnConnections.pool(database, "h2-checkpoint", 1)
            : null));
    registration.setName("h2-written-before-answered");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/harness/*");
    // outermost: the answer is held back after everything else has run
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setEnabled(h2File);
    if (h2File) {
      log.info("H2 file database: every HTTP answer waits until H2 has written its commits");
    }
    return registration;
  }

  /**
   * The URL with {@link #MAX_COMPACT_TIME} and {@link #WRITE_DELAY} added (each unless the URL
   * sets it), for an H2 database kept in a local file.
   */
  public static String durable(String url) {
    if (!isLocalFile(url)) {
      return url;
    }
    String durable = url;
    for (String setting : List.of(MAX_COMPACT_TIME, WRITE_DELAY, RETENTION_TIME)) {
      String name = setting.substring(0, setting.indexOf('=')).toLowerCase(Locale.ROOT) + "=";
      if (Arrays.stream(url.toLowerCase(Locale.ROOT).split(";")).skip(1).map(String::strip)
          .noneMatch(part -> part.startsWith(name))) {
        durable = durable + ";" + setting;
      }
    }
    return durable;
  }

  /** H2 in a file of this process: not in memory, not a server another process runs. */
  public static boolean isLocalFile(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:")) {
      return false;
    }
    String location = lower.substring("jdbc:h2:".length());
    return !location.startsWith("mem:") && !location.startsWith("tcp:")
        && !location.startsWith("ssl:") && !location.startsWith("zip:");
  }

  /** The answer, buffered, sent once {@code CHECKPOINT} has written the commits before it. */
  static final class WrittenBeforeAnswered extends OncePerRequestFilter
      implements DisposableBean {

    private final HikariDataSource checkpoints;

    WrittenBeforeAnswered(HikariDataSource checkpoints) {
      this.checkpoints = checkpoints;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, held);
      } finally {
        if (written()) {
          held.copyBodyToResponse();
        } else {
          held.resetBuffer();
          response.reset();
          response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
          response.setHeader("Retry-After", "5");
          response.setContentType("application/problem+json");
          response.getWriter().write("{\"type\":\"/problems/unavailable\",\"title\":"
              + "\"Temporarily unavailable\",\"status\":503,\"detail\":\"The answer could not "
              + "be made durable; try again after the time in Retry-After.\"}");
        }
      }
    }

    private boolean written() {
      try (Connection connection = checkpoints.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT");
        return true;
      } catch (SQLException e) {
        log.warn("H2 could not write its commits before an answer: {}", e.getMessage());
        return false;
      }
    }

    @Override
    public void destroy() {
      if (checkpoints != null) {
        checkpoints.close();
      }
    }
  }
}
