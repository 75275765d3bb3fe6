package dev.actionpack.support;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Who support should contact about a request, and in which language. */
public record Contact(
    @NotBlank(message = "is required") @Size(max = 200, message = "is too long")
    @Pattern(regexp = "[^\\r\\n\\t]*", message = "must be on one line") String name,
    @NotBlank(message = "is required") @Email(message = "is not an email address")
    @Size(max = 254, message = "is too long") String email,
    @NotBlank(message = "is required")
    @Pattern(regexp = "\\+?[0-9 ()./-]{6,30}", message = "is not a phone number") String phone,
    @NotBlank(message = "is required")
    @Pattern(regexp = "en-US|zh-CN|es-ES", message = "must be en-US, zh-CN or es-ES")
    String preferredLanguage) {}
