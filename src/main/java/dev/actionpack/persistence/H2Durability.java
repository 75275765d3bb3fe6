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
 * file. What nobody was told yet may be lost in a crash and is then done again: the dead JVM's
 * job locks are released at start and every step is idempotent (a paid order's step run again
 * changes nothing, a receipt is written once per order). An answer whose write fails becomes a
 * 503, to be tried again.
 *
 * <p>The write delay stays H2's default. Writing every commit at once instead
 * ({@code WRITE_DELAY=0}, shipped for a while) made each commit a chunk of its own that H2
 * never reused (its background writer, which rewrites the few live pages of old chunks
 * elsewhere, does not run then): the file grew by about 300 KB per renewal for good, 35 GB in
 * one benchmark run, and a renewal cost nearly twice the CPU. {@code H2DurabilityTest} keeps the
 * file bounded.
 *
 * <p>H2 also compacts its file when it closes, moving chunks over each other; an interrupted close
 * can then leave the file at an older state. {@code MAX_COMPACT_TIME=0} closes without moving
 * anything. It is added to every H2 file URL that does not set it itself.
 *
 * <p>What this does not give: H2 does not {@code fsync} a write, so a power cut or an
 * operating-system crash can still lose the last moments. Production runs on PostgreSQL.
 */
@Configuration
public class H2Durability {

  static final String MAX_COMPACT_TIME = "MAX_COMPACT_TIME=0";

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

  /** The URL with {@link #MAX_COMPACT_TIME} added, for an H2 database kept in a local file. */
  public static String durable(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!isLocalFile(url) || Arrays.stream(lower.split(";")).skip(1).map(String::strip)
        .anyMatch(part -> part.startsWith("max_compact_time="))) {
      return url;
    }
    return url + ";" + MAX_COMPACT_TIME;
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
