package dev.actionpack.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What some tests need from the machine rather than from Maven Central: Debian's Chromium for the
 * browser tests, the CJK font of {@code fonts-wqy-microhei} for Chinese receipts. Without it a
 * test is skipped with a message naming the package, except in CI ({@code CI=true}), where it
 * must run and fails instead; {@code .ci/run} installs them.
 */
public final class DebianPackages {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  private DebianPackages() {}

  /** Skips the test (fails it in CI) unless the package's file is on the machine. */
  public static void require(Path file, String debianPackage, String purpose) {
    if (Files.exists(file)) {
      return;
    }
    String message = purpose + " need Debian's " + debianPackage + " package at " + file
        + " (apt-get install " + debianPackage + "); .ci/run installs it.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    assumeTrue(false, message);
  }

  /** Chinese receipts embed the CJK font of fonts-wqy-microhei. */
  public static void requireCjkFont() {
    require(CJK_FONT, "fonts-wqy-microhei", "Chinese receipts");
  }
}
