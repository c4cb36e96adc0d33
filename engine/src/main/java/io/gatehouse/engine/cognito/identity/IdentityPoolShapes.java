package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.PrincipalTags;
import io.gatehouse.engine.json.Json;


/** Reads and writes the identity-pool shapes of the service model. */
final class IdentityPoolShapes {

    private IdentityPoolShapes() {
    }

    /** {@code IdentityPool}, as CreateIdentityPool, DescribeIdentityPool and UpdateIdentityPool answer. */
    static ObjectNode pool(IdentityPool pool) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("IdentityPoolId", pool.id())
                .put("IdentityPoolName", pool.name())
                .put("AllowUnauthenticatedIdentities", pool.allowUnauthenticated())
                .put("AllowClassicFlow", pool.allowClassicFlow());
        if (!pool.supportedLoginProviders().isEmpty()) {
            out.set("SupportedLoginProviders", Json.object(pool.supportedLoginProviders()));
        }
        pool.developerProviderName().ifPresent(name -> out.put("DeveloperProviderName", name));
        if (!pool.openIdConnectProviderArns().isEmpty()) {
            ArrayNode arns = out.putArray("OpenIdConnectProviderARNs");
            pool.openIdConnectProviderArns().forEach(arns::add);
        }
        if (!pool.cognitoIdentityProviders().isEmpty()) {
            ArrayNode providers = out.putArray("CognitoIdentityProviders");
            pool.cognitoIdentityProviders().forEach(p -> providers.addObject()
                    .put("ProviderName", p.providerName()).put("ClientId", p.clientId())
                    .put("ServerSideTokenCheck", p.serverSideTokenCheck()));
        }
        if (!pool.samlProviderArns().isEmpty()) {
            ArrayNode arns = out.putArray("SamlProviderARNs");
            pool.samlProviderArns().forEach(arns::add);
        }
        if (!pool.tags().isEmpty()) {
            out.set("IdentityPoolTags", Json.object(pool.tags()));
        }
        return out;
    }

    /** A principal tag map, as SetPrincipalTagAttributeMap and GetPrincipalTagAttributeMap answer. */
    static ObjectNode principalTags(String poolId, String provider, PrincipalTags tags) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("IdentityPoolId", poolId)
                .put("IdentityProviderName", provider)
                .put("UseDefaults", tags.useDefaults());
        if (!tags.tags().isEmpty()) {
            out.set("PrincipalTags", Json.object(tags.tags()));
        }
        return out;
    }
}
