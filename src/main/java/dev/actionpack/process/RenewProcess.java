package dev.actionpack.process;

/**
 * Key and element ids of {@code bpmn/renew.bpmn}: one instance per subscription term, business
 * key = the subscription's number.
 */
public final class RenewProcess {

  public static final String KEY = "renew";
  public static final String RESOURCE = "bpmn/renew.bpmn";

  public static final String START_EVENT_TERM_STARTED = "StartEvent_TermStarted";
  public static final String TIMER_EVENT_TERM_ENDS = "TimerEvent_TermEnds";
  public static final String END_EVENT_TERM_ENDED = "EndEvent_TermEnded";

  private RenewProcess() {}
}
