package io.gatehouse.engine.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatehouse.engine.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An identity pool: the sign-ins it accepts and whether it takes guests. Its roles are {@link IdentityPoolRoles}.
 *
 * @param id                        {@code <region>:<uuid>}
 * @param name                      its name
 * @param allowUnauthenticated      whether guests get identities (AllowUnauthenticatedIdentities)
 * @param allowClassicFlow          whether the classic (basic) flow is allowed
 * @param developerProviderName     the developer provider of developer-authenticated identities, if any
 * @param supportedLoginProviders   the public providers' application ids, by provider name
 *                                  ({@code accounts.google.com}, {@code graph.facebook.com}...)
 * @param cognitoIdentityProviders  the user pool app clients whose ID tokens it accepts
 * @param openIdConnectProviderArns the IAM OIDC providers whose tokens it accepts
 * @param samlProviderArns          the IAM SAML providers whose assertions it accepts
 * @param tags                      its tags
 */
public record IdentityPool(String id, String name, boolean allowUnauthenticated, boolean allowClassicFlow,
                           Optional<String> developerProviderName, Map<String, String> supportedLoginProviders,
                           List<CognitoProvider> cognitoIdentityProviders, List<String> openIdConnectProviderArns,
                           List<String> samlProviderArns, Map<String, String> tags) {

    public IdentityPool {
        supportedLoginProviders = Map.copyOf(supportedLoginProviders);
        cognitoIdentityProviders = List.copyOf(cognitoIdentityProviders);
        openIdConnectProviderArns = List.copyOf(openIdConnectProviderArns);
        samlProviderArns = List.copyOf(samlProviderArns);
        tags = Map.copyOf(tags);
    }

    /**
     * A user pool app client whose ID tokens the pool accepts.
     *
     * @param providerName         {@code cognito-idp.<region>.amazonaws.com/<user pool id>}
     * @param clientId             the app client
     * @param serverSideTokenCheck whether each token is checked with the user pool (signed out, deleted)
     */
    public record CognitoProvider(String providerName, String clientId, boolean serverSideTokenCheck) {

        /** The name a role mapping knows it by: the provider and the client, as Cognito writes it. */
        public String roleMappingKey() {
            return providerName + ":" + clientId;
        }

        static List<CognitoProvider> parse(JsonNode list) {
            List<CognitoProvider> providers = new ArrayList<>();
            list.forEach(p -> providers.add(new CognitoProvider(p.path("ProviderName").asText(""),
                    p.path("ClientId").asText(""), p.path("ServerSideTokenCheck").asBoolean(false))));
            return providers;
        }

        static ArrayNode write(List<CognitoProvider> providers) {
            ArrayNode list = Json.MAPPER.createArrayNode();
            providers.forEach(p -> list.addObject().put("ProviderName", p.providerName())
                    .put("ClientId", p.clientId()).put("ServerSideTokenCheck", p.serverSideTokenCheck()));
            return list;
        }
    }

    /**
     * The names a role mapping may be keyed by, one per configured sign-in as Cognito names them: a public
     * provider's name, {@code <user pool provider>:<client id>}, an OIDC provider's host and path (its ARN after
     * {@code oidc-provider/}), a SAML provider's ARN.
     */
    public Set<String> roleMappingProviders() {
        Set<String> names = new LinkedHashSet<>(supportedLoginProviders.keySet());
        cognitoIdentityProviders.forEach(p -> names.add(p.roleMappingKey()));
        openIdConnectProviderArns.forEach(arn -> names.add(oidcProviderName(arn)));
        names.addAll(samlProviderArns);
        return names;
    }

    /**
     * The names a principal tag map may be keyed by: as {@link #roleMappingProviders()}, but a user pool is named
     * without a client (its tags come from its tokens whatever the client).
     */
    public Set<String> principalTagProviders() {
        Set<String> names = new LinkedHashSet<>(supportedLoginProviders.keySet());
        cognitoIdentityProviders.forEach(p -> names.add(p.providerName()));
        openIdConnectProviderArns.forEach(arn -> names.add(oidcProviderName(arn)));
        names.addAll(samlProviderArns);
        return names;
    }

    /** {@code login.example.com} of {@code arn:aws:iam::123456789012:oidc-provider/login.example.com}. */
    public static String oidcProviderName(String arn) {
        int at = arn.indexOf(":oidc-provider/");
        return at < 0 ? arn : arn.substring(at + ":oidc-provider/".length());
    }
}
