package dev.actionpack.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermCalendarTest {

  @ParameterizedTest(name = "term {1} of a subscription anchored {0} ends {2}")
  @CsvSource({
      "2028-02-29T12:00:00Z, 1, 2029-02-28T12:00:00Z",
      "2028-02-29T12:00:00Z, 2, 2030-02-28T12:00:00Z",
      "2028-02-29T12:00:00Z, 3, 2031-02-28T12:00:00Z",
      "2028-02-29T12:00:00Z, 4, 2032-02-29T12:00:00Z",
      "2028-02-29T12:00:00Z, 8, 2036-02-29T12:00:00Z",
      "2027-02-28T08:00:00Z, 1, 2028-02-28T08:00:00Z",
      "2026-12-31T23:59:59Z, 1, 2027-12-31T23:59:59Z",
      "2026-12-31T23:59:59Z, 10, 2036-12-31T23:59:59Z",
      "2027-01-01T00:00:00Z, 1, 2028-01-01T00:00:00Z",
      "2026-03-29T01:30:00Z, 1, 2027-03-29T01:30:00Z"
  })
  @DisplayName("R5 term ends are anchored to the original start, in UTC")
  void shouldEndTermsOnAnchoredAnniversaries(Instant anchor, int term, Instant expectedEnd) {
    assertThat(TermCalendar.termEnd(anchor, term)).isEqualTo(expectedEnd);
  }

  @Test
  @DisplayName("R5 a 29 February anchor comes back to 29 February: no drift from adding a year to the previous end")
  void shouldNotDriftAfterCommonYears() {
    Instant anchor = Instant.parse("2028-02-29T00:00:00Z");
    Instant drifting = anchor;
    for (int term = 1; term <= 4; term++) {
      drifting = drifting.atOffset(java.time.ZoneOffset.UTC).plusYears(1).toInstant();
    }
    assertThat(drifting).isEqualTo(Instant.parse("2032-02-28T00:00:00Z"));
    assertThat(TermCalendar.termEnd(anchor, 4)).isEqualTo(Instant.parse("2032-02-29T00:00:00Z"));
  }

  @Test
  @DisplayName("R5 R22 an instant just before midnight UTC stays on its UTC date whatever the JVM's zone")
  void shouldComputeInUtcRegardlessOfDefaultZone() {
    java.util.TimeZone original = java.util.TimeZone.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertThat(TermCalendar.termEnd(Instant.parse("2027-02-28T23:30:00Z"), 1))
          .isEqualTo(Instant.parse("2028-02-28T23:30:00Z"));
    } finally {
      java.util.TimeZone.setDefault(original);
    }
  }

  @Test
  void shouldRefuseTermNumbersBelowOne() {
    assertThatThrownBy(() -> TermCalendar.termEnd(Instant.EPOCH, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
