package io.gatehouse.engine.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Cognito's rules for an IdP's name, attribute mapping and identifiers, which the service model cannot express. */
final class IdentityProviderRules {

    /**
     * The social types: Cognito takes one IdP of each per pool by requiring that it be named after its type
     * ({@code Google} of type {@code Google}), so a second one is a duplicate name.
     */
    static final Set<String> SOCIAL_TYPES = Set.of("Google", "Facebook", "LoginWithAmazon", "SignInWithApple");

    /** The pool's own users, as SupportedIdentityProviders and AdminLinkProviderForUser name them. */
    static final String COGNITO = "COGNITO";

    private static final String USERNAME = "username";

    private IdentityProviderRules() {
    }

    /**
     * Checks a new IdP's name against its type.
     *
     * @throws ServiceException {@code InvalidParameterException} for {@code Cognito} in any case (the name of the
     *                          pool's own users), or a social IdP not named after its type
     */
    static void checkName(String providerName, String providerType) {
        if (providerName.equalsIgnoreCase(COGNITO)) {
            throw ServiceException.invalidParameter("The provider name " + providerName + " is reserved for the user"
                    + " pool's own users.");
        }
        if (SOCIAL_TYPES.contains(providerType) && !providerName.equals(providerType)) {
            throw ServiceException.invalidParameter("Provider " + providerName + " cannot be of type " + providerType
                    + ".");
        }
    }

    /**
     * The mapping to store: the administrator's, with the type's fixed mapping over it.
     *
     * @param requested        user pool attribute to IdP claim, as the request gives it
     * @param fixed            the provider type's {@code fixedAttributeMapping()}
     * @param schemaAttributes the pool's {@code SchemaAttributes}
     * @throws ServiceException {@code InvalidParameterException} for {@code username} mapped otherwise than the type
     *                          maps it, or a target that is not an attribute of the pool the IdP may write
     */
    static Map<String, String> attributeMapping(Map<String, String> requested, Map<String, String> fixed,
                                                JsonNode schemaAttributes) {
        Set<String> attributes = new HashSet<>();
        schemaAttributes.forEach(a -> attributes.add(a.path("Name").asText()));
        for (Map.Entry<String, String> mapping : requested.entrySet()) {
            String target = mapping.getKey();
            if (USERNAME.equals(target)) {
                if (!mapping.getValue().equals(fixed.get(USERNAME))) {
                    throw ServiceException.invalidParameter("The username attribute is always mapped to "
                            + fixed.getOrDefault(USERNAME, "the IdP's subject") + " and cannot be remapped.");
                }
            } else if ("sub".equals(target) || target.startsWith("dev:") || !attributes.contains(target)) {
                throw ServiceException.invalidParameter("The attribute " + target + " cannot be mapped: it is not"
                        + " an attribute of the user pool that an IdP may set.");
            }
        }
        Map<String, String> merged = new TreeMap<>(requested);
        merged.putAll(fixed);
        return merged;
    }

    /**
     * The lookup keys of an IdP's identifiers: lower-cased, as identifiers in a domain's form are compared.
     *
     * @throws ServiceException {@code DuplicateProviderException} for an identifier given twice
     */
    static List<String> identifierKeys(List<String> identifiers) {
        List<String> keys = new ArrayList<>();
        for (String identifier : identifiers) {
            String key = identifierKey(identifier);
            if (keys.contains(key)) {
                throw new ServiceException("DuplicateProviderException", "The identifier " + identifier
                        + " is given twice.");
            }
            keys.add(key);
        }
        return keys;
    }

    /** The lookup key of one identifier. */
    static String identifierKey(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }
}
