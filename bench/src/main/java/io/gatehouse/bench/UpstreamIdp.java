package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.net.URI;

/**
 * The upstream OpenID Provider that the servers under test broker (bench/federation.sh runs NAV's
 * mock-oauth2-server as a process of its own), with the endpoints its discovery document names.
 */
record UpstreamIdp(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI userInfoEndpoint, URI jwksUri) {

    /** Reads {@code <issuer>/.well-known/openid-configuration}. */
    static UpstreamIdp discover(URI issuer) throws IOException {
        JsonNode document = Http.send(ClassicRequestBuilder.get(URI.create(issuer
                + "/.well-known/openid-configuration")));
        if (!issuer.toString().equals(document.path("issuer").asText())) {
            throw new IOException("the discovery document of " + issuer + " names the issuer "
                    + document.path("issuer"));
        }
        return new UpstreamIdp(issuer, URI.create(document.path("authorization_endpoint").asText()),
                URI.create(document.path("token_endpoint").asText()),
                URI.create(document.path("userinfo_endpoint").asText()),
                URI.create(document.path("jwks_uri").asText()));
    }
}
