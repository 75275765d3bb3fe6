package dev.actionpack.benchmark;

import dev.actionpack.partner.PartnerApiKeys;
import dev.actionpack.partner.PartnerPrincipal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Purchases through the HTTP API by concurrent clients, each partner with an API key (programs
 * call the API with a key: a password would cost a BCrypt per request). The clients run in the
 * benchmark JVM, so the CPU per purchase includes theirs (HTTP client and JSON).
 */
record Purchases(int count, int clients, double seconds, double p50, double p99,
    double cpuMs) {

  static final int CLIENTS = 8;

  double perSecond() {
    return count / seconds;
  }

  double cpuMsEach() {
    return cpuMs / count;
  }

  static Purchases run(ConfigurableApplicationContext app, int count) throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    String hash = app.getBean(PasswordEncoder.class).encode("secret");
    PartnerApiKeys apiKeys = app.getBean(PartnerApiKeys.class);
    List<String> keys = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 0; i < count; i++) {
      UUID partner = UUID.randomUUID();
      String user = "bench" + i;
      jdbc.update("insert into partner (id, name, network_member, locale, email, created_at) "
          + "values (?, ?, true, 'en-US', ?, ?)", partner, user, user + "@x.example", now);
      jdbc.update("insert into partner_user (username, password_hash, partner_id) values (?, ?, ?)",
          user, hash, partner);
      keys.add(apiKeys.issue(new PartnerPrincipal(user, hash, partner), "benchmark").token());
    }
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Long>> calls = new ArrayList<>();
    long cpuStart = Cpu.jvmNanos();
    long start = System.nanoTime();
    for (String key : keys) {
      calls.add(pool.submit(() -> {
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/purchases"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"offerCode\":\"ACTION_PACK\","
                + "\"termsAccepted\":true,\"termsVersion\":\"MPN-IUR-2017-07\",\"card\":{"
                + "\"number\":\"4242424242424242\",\"expiryMonth\":12,\"expiryYear\":2040,"
                + "\"cvc\":\"123\"},\"reviewedPrice\":{\"amount\":475.00,\"currency\":\"USD\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return System.nanoTime() - t;
      }));
    }
    List<Long> latencies = new ArrayList<>();
    for (Future<Long> call : calls) {
      latencies.add(call.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (Cpu.jvmNanos() - cpuStart) / 1e6;
    pool.shutdown();
    Collections.sort(latencies);
    return new Purchases(count, CLIENTS, seconds, latencies.get(latencies.size() / 2) / 1e6,
        latencies.get((int) Math.min(latencies.size() - 1, latencies.size() * 0.99)) / 1e6, cpuMs);
  }
}
