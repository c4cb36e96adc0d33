package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An app client of a user pool.
 *
 * @param clientId     26 lower-case alphanumerics
 * @param userPoolId   its pool
 * @param clientName   its name
 * @param secrets      its secrets: none for a public client, one for a confidential client, two while they are
 *                     rotated (AddUserPoolClientSecret); oldest first
 * @param settings     its configuration in the shape of Cognito's {@code UserPoolClientType} (without ids, name,
 *                     secret and dates); never changed once the view is made
 * @param created      when it was created
 * @param modified     when it last changed
 */
public record UserPoolClient(String clientId, String userPoolId, String clientName, List<ClientSecret> secrets,
                             JsonNode settings, Instant created, Instant modified) {

    public UserPoolClient {
        secrets = secrets.stream().sorted(Comparator.comparing(ClientSecret::created)).toList();
    }

    /**
     * The secret DescribeUserPoolClient shows, and the one the server uses when it acts for the client (the hosted
     * UI's SECRET_HASH): the newest, so that after AddUserPoolClientSecret a client reading its settings gets the new
     * one. Empty for a public client.
     */
    public Optional<String> clientSecret() {
        return secrets.isEmpty() ? Optional.empty() : Optional.of(secrets.get(secrets.size() - 1).value());
    }

    /**
     * The settings, shared and read-only: views are cached and handed to every request, so a caller that wants a
     * changed version works on a {@code deepCopy()}. Returned as {@link JsonNode} so that changing it takes a
     * deliberate cast.
     */
    @Override
    public JsonNode settings() {
        return settings;
    }

    /**
     * The values of one of the client's list settings (CallbackURLs, LogoutURLs, AllowedOAuthFlows, ...), in their
     * order; empty when it is unset.
     */
    public Set<String> listSetting(String member) {
        Set<String> values = new LinkedHashSet<>();
        settings.path(member).forEach(v -> values.add(v.asText()));
        return values;
    }

    /**
     * The attributes the client may read (its {@code ReadAttributes}) with {@code sub}, which every client reads;
     * empty when the client names none, which lets it read them all.
     */
    public Optional<Set<String>> readAttributes() {
        JsonNode read = settings.path("ReadAttributes");
        if (!read.isArray() || read.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        names.add("sub");
        read.forEach(n -> names.add(n.asText()));
        return Optional.of(names);
    }

    /**
     * Whether {@code presented} is one of the client's secrets, each compared in constant time; false for a public
     * client or a missing secret.
     */
    public boolean secretMatches(String presented) {
        boolean matched = false;
        for (ClientSecret secret : secrets) {
            matched |= secret.matches(presented);
        }
        return matched;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "UserPoolClient[" + clientId + " of " + userPoolId + ", " + clientName + "]";
    }
}
