package dev.actionpack.subscription;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Term dates anchored to the original start (R5). Term {@code n} ends {@code n} calendar years
 * after the anchor, computed from the anchor every time: a 29 February anchor ends terms on
 * 28 February in common years and on 29 February in leap years, and nothing drifts. All in UTC.
 */
public final class TermCalendar {

  private TermCalendar() {}

  /** End of term {@code termNumber} (1 for the first term) of a subscription anchored at {@code anchor}. */
  public static Instant termEnd(Instant anchor, int termNumber) {
    if (termNumber < 1) {
      throw new IllegalArgumentException("terms are numbered from 1, got " + termNumber);
    }
    return anchor.atOffset(ZoneOffset.UTC).plusYears(termNumber).toInstant();
  }
}
