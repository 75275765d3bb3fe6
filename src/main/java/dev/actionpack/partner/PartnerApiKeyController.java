package dev.actionpack.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in partner user's API keys: issue (the secret is shown once), list, revoke. */
@RestController
@RequestMapping("/api/api-keys")
class PartnerApiKeyController {

  private final PartnerApiKeys apiKeys;

  PartnerApiKeyController(PartnerApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  @PostMapping
  ResponseEntity<ApiKeyView> issue(@AuthenticationPrincipal PartnerPrincipal user,
      @Valid @RequestBody NewApiKey request) {
    PartnerApiKeys.IssuedKey issued = apiKeys.issue(user, request.name());
    return ResponseEntity.created(URI.create("/api/api-keys/" + issued.key().getId()))
        .body(ApiKeyView.of(issued.key(), issued.token()));
  }

  @GetMapping
  List<ApiKeyView> list(@AuthenticationPrincipal PartnerPrincipal user) {
    return apiKeys.list(user).stream().map(key -> ApiKeyView.of(key, null)).toList();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@AuthenticationPrincipal PartnerPrincipal user,
      @PathVariable UUID id) {
    apiKeys.revoke(user, id);
    return ResponseEntity.noContent().build();
  }

  record NewApiKey(
      @NotBlank(message = "is required: what the key is for, e.g. the program that uses it")
      @Size(max = 100, message = "is longer than 100 characters") String name) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ApiKeyView(UUID id, String name, Instant createdAt, Instant revokedAt, String key) {

    static ApiKeyView of(PartnerApiKey key, String token) {
      return new ApiKeyView(key.getId(), key.getName(), key.getCreatedAt(), key.getRevokedAt(),
          token);
    }
  }
}
