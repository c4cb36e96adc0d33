package io.gatehouse.engine.federation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code ProviderUserIdentifierType}: a user named by a provider and one of its attributes.
 *
 * @param providerName   {@code Cognito} for a native user, else an IdP of the pool
 * @param attributeName  {@code Cognito_Subject} for the upstream subject
 * @param attributeValue the native user's name, or the upstream subject
 */
public record ProviderUser(String providerName, String attributeName, String attributeValue) {

    /** The attribute name that stands for an IdP's subject (and, for native users, is ignored). */
    public static final String SUBJECT = "Cognito_Subject";

    /** The shape as a validated request holds it (its members are optional in the model). */
    public static ProviderUser of(JsonNode shape) {
        return new ProviderUser(shape.path("ProviderName").asText(""), shape.path("ProviderAttributeName").asText(""),
                shape.path("ProviderAttributeValue").asText(""));
    }

    /** Whether this names a native user of the pool. */
    boolean isNative() {
        return providerName.equalsIgnoreCase(IdentityProviderRules.COGNITO);
    }

    /** The name of the federated user this upstream identity signs in as when it is linked to no one. */
    String federatedUsername() {
        return providerName + "_" + attributeValue;
    }
}
