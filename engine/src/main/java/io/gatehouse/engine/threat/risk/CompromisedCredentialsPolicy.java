package io.gatehouse.engine.threat.risk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to do with a password found among breached ones (Cognito's {@code CompromisedCredentialsRiskConfiguration}):
 * block it, or let it pass (and only record the event), at the events listed.
 *
 * @param events the events the action applies to; at the others the password passes
 * @param block  whether the action is BLOCK (else NO_ACTION)
 */
public record CompromisedCredentialsPolicy(Set<CredentialEvent> events, boolean block) {

    /**
     * Gatehouse's default, where a pool and client set none: block at every event. Cognito has no default (the
     * feature is off until configured); Gatehouse protects from the start, and a pool turns it down with
     * SetRiskConfiguration or {@code UserPoolAddOns}.
     */
    public static final CompromisedCredentialsPolicy DEFAULT =
            new CompromisedCredentialsPolicy(EnumSet.allOf(CredentialEvent.class), true);

    public CompromisedCredentialsPolicy {
        events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
    }

    /** Whether a breached password at {@code event} is refused. */
    public boolean blocks(CredentialEvent event) {
        return block && events.contains(event);
    }

    /** Whether a breached password is looked for at {@code event} at all (to block it, or to record it). */
    public boolean checks(CredentialEvent event) {
        return events.contains(event);
    }

    /** Reads {@code CompromisedCredentialsRiskConfigurationType}, validated: no EventFilter means every event. */
    static CompromisedCredentialsPolicy read(JsonNode node) {
        Set<CredentialEvent> events = EnumSet.noneOf(CredentialEvent.class);
        JsonNode filter = node.path("EventFilter");
        if (filter.isArray() && !filter.isEmpty()) {
            filter.forEach(e -> events.add(CredentialEvent.valueOf(e.asText())));
        } else {
            events.addAll(EnumSet.allOf(CredentialEvent.class));
        }
        return new CompromisedCredentialsPolicy(events,
                "BLOCK".equals(node.path("Actions").path("EventAction").asText()));
    }
}
