package dev.actionpack.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service levels of Partner Center Support.
 *
 * @param sla how long a request may wait unhandled before it escalates (R18)
 * @param escalatedPriority the task priority an escalated request gets (Tasklist sorts by it)
 */
@ConfigurationProperties("actionpack.support")
public record SupportPolicy(@DefaultValue("2d") Duration sla,
    @DefaultValue("90") int escalatedPriority) {}
