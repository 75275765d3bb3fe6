package dev.actionpack.process;

/** The Camunda groups the service's people belong to; what each may do is {@code CamundaAccess}. */
public final class CamundaGroups {

  /** Read Cockpit: every subscription's life (R20). */
  public static final String PROCESS_OWNERS = "process-owners";
  /** Work the cancellation tasks in Tasklist (R16). */
  public static final String SUPPORT_AGENTS = CancelViaSupportProcess.CANDIDATE_GROUP;
  /** Support agents who are also told of escalations and see the support process (R18). */
  public static final String SUPPORT_LEADS = "support-leads";
  /**
   * Operators who onboard partners through {@code /admin-api} (create, membership, invitations,
   * CSV import), without administering Camunda; {@code camunda-admin} may do the same.
   */
  public static final String PARTNER_ADMINS = "partner-admins";

  private CamundaGroups() {}
}
