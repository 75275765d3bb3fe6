package dev.actionpack.offer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Dates of a subscription's life, anchored to the original start (R5) and computed in UTC, never
 * by adding a period to the previous date: a 29 February anchor ends terms on 28 February in
 * common years and on 29 February in leap years, and nothing drifts. The engine's timers get
 * these dates as {@code timeDate}s.
 */
public final class TermCalendar {

  private TermCalendar() {}

  /** End of the {@code termsSinceAnchor}-th term (1 for the first) after {@code anchor}. */
  public static Instant termEnd(Instant anchor, int termsSinceAnchor) {
    if (termsSinceAnchor < 1) {
      throw new IllegalArgumentException("terms are numbered from 1, got " + termsSinceAnchor);
    }
    return utc(anchor).plusYears(termsSinceAnchor).toInstant();
  }

  /** Due date of the monthly benefit for month {@code month} (0 for the anchor's own month). */
  public static Instant monthlyDue(Instant anchor, int month) {
    return utc(anchor).plusMonths(month).toInstant();
  }

  /** The first monthly due date after {@code after} (or the anchor itself if none is before). */
  public static Instant nextMonthlyDue(Instant anchor, Instant after) {
    if (after == null || after.isBefore(anchor)) {
      return anchor;
    }
    int month = (int) Math.max(0, ChronoUnit.MONTHS.between(utc(anchor), utc(after)) - 1);
    while (!monthlyDue(anchor, month).isAfter(after)) {
      month++;
    }
    return monthlyDue(anchor, month);
  }

  /**
   * The reminders still ahead of a term end: one per offset before it (R11), leaving out those
   * already past, earliest first.
   */
  public static List<Instant> reminderDates(Instant termEnd, List<Duration> offsets,
      Instant now) {
    return offsets.stream()
        .map(termEnd::minus)
        .filter(date -> date.isAfter(now))
        .sorted()
        .distinct()
        .toList();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
