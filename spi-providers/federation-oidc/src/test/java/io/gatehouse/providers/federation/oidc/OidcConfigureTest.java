package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** configure(): what CreateIdentityProvider and UpdateIdentityProvider store for an OIDC IdP, or refuse. */
class OidcConfigureTest extends ScriptedIdpTestBase {

    @Test
    void keysWhenListedThenCognitosWithTheSecretSealedButShown() {
        DetailKey secret = provider.detailKeys().stream().filter(k -> k.name().equals("client_secret"))
                .findFirst().orElseThrow();
        assertEquals(new DetailKey("client_secret", false, true, true), secret);
        assertEquals(List.of("client_id", "authorize_scopes", "attributes_request_method", "oidc_issuer"),
                provider.detailKeys().stream().filter(DetailKey::required).map(DetailKey::name).toList());
        assertEquals(Map.of("username", "sub"), provider.fixedAttributeMapping());
        assertEquals("OIDC", provider.providerType());
    }

    @Test
    void configureWhenOnlyTheIssuerThenDiscoveryFillsTheEndpoints() throws Exception {
        Map<String, String> stored = provider.configure(idp.details());

        assertEquals(idp.issuer() + "/authorize", stored.get("authorize_url"));
        assertEquals(idp.issuer() + "/token", stored.get("token_url"));
        assertEquals(idp.issuer() + "/userinfo", stored.get("attributes_url"));
        assertEquals(idp.issuer() + "/jwks", stored.get("jwks_uri"));
        assertEquals(idp.issuer() + "/logout", stored.get("end_session_endpoint"));
        assertEquals("client_secret_basic", stored.get("token_endpoint_auth_method"));
        assertEquals("false", stored.get("attributes_url_add_attributes"));
        idp.details().forEach((key, value) -> assertEquals(value, stored.get(key), key));
        assertEquals(1, idp.discoveryFetches.get());
    }

    @Test
    void reconfigureWhenTheIssuerChangesThenTheNewIssuersEndpointsNotTheOldOnes() throws Exception {
        Map<String, String> stored = provider.configure(idp.details());
        try (ScriptedIdp other = new ScriptedIdp()) {
            Map<String, String> updated = provider.reconfigure(Map.of("oidc_issuer", other.issuer()), stored);

            assertEquals(other.issuer() + "/token", updated.get("token_url"));
            assertEquals(other.issuer() + "/jwks", updated.get("jwks_uri"));
            assertEquals(other.issuer() + "/logout", updated.get("end_session_endpoint"));
            assertEquals(stored.get("client_id"), updated.get("client_id"));
        }
    }

    @Test
    void reconfigureWhenTheIssuerStaysThenStoredEndpointsAreKeptAndDiscoveryIsNotRead() throws Exception {
        Map<String, String> stored = provider.configure(idp.details());

        Map<String, String> updated = provider.reconfigure(Map.of("authorize_scopes", "openid email"), stored);

        assertEquals("openid email", updated.get("authorize_scopes"));
        assertEquals(stored.get("token_url"), updated.get("token_url"));
        assertEquals(1, idp.discoveryFetches.get());
    }

    @Test
    void configureWhenEveryEndpointIsGivenThenKeptAndDiscoveryIsNotRead() throws Exception {
        Map<String, String> details = idp.details();
        details.put("authorize_url", "https://login.example.test/oauth2/v2.0/authorize?p=signin");
        details.put("token_url", "https://login.example.test/oauth2/v2.0/token");
        details.put("attributes_url", "https://graph.example.test/oidc/userinfo");
        details.put("jwks_uri", "https://login.example.test/discovery/v2.0/keys");

        Map<String, String> stored = provider.configure(details);

        details.forEach((key, value) -> assertEquals(value, stored.get(key), key));
        assertEquals(0, idp.discoveryFetches.get());
        assertFalse(stored.containsKey("end_session_endpoint"));
        assertEquals("client_secret_basic", stored.get("token_endpoint_auth_method"));
    }

    @Test
    void configureWhenSomeEndpointsAreGivenThenTheyAreKeptAndTheRestDiscovered() throws Exception {
        Map<String, String> details = idp.details();
        details.put("authorize_url", "https://login.example.test/authorize");

        Map<String, String> stored = provider.configure(details);

        assertEquals("https://login.example.test/authorize", stored.get("authorize_url"));
        assertEquals(idp.issuer() + "/token", stored.get("token_url"));
    }

    @Test
    void configureWhenTheIdpTakesTheSecretOnlyInTheFormThenClientSecretPost() throws Exception {
        idp.discoveryChanges.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt",
                "client_secret_post"));

        assertEquals("client_secret_post", provider.configure(idp.details()).get("token_endpoint_auth_method"));
    }

    @Test
    void configureWhenTheIdpTakesNoSecretMethodThenRefusedForAConfidentialClientOnly() throws Exception {
        idp.discoveryChanges.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "none"));

        refused(idp.details(), "private_key_jwt");
        Map<String, String> publicClient = idp.details();
        publicClient.remove("client_secret");
        assertFalse(provider.configure(publicClient).containsKey("token_endpoint_auth_method"));
    }

    @Test
    void configureWhenTheSecretIsBlankThenAPublicClient() throws Exception {
        Map<String, String> details = idp.details();
        details.put("client_secret", " ");

        Map<String, String> stored = provider.configure(details);

        assertFalse(stored.containsKey("client_secret"));
        assertFalse(stored.containsKey("token_endpoint_auth_method"));
    }

    @Test
    void configureWhenAnUnknownKeyThenRefusedNamingIt() {
        refusedWith("client_secrett", "typo", "client_secrett");
    }

    @Test
    void configureWhenTheIssuerIsPlainHttpElsewhereThanLoopbackThenRefusedBeforeAnyRequest() {
        refusedWith("oidc_issuer", "http://idp.example.test", "oidc_issuer must use https");
    }

    @Test
    void configureWhenDiscoveryNamesAPlainHttpEndpointElsewhereThenRefused() {
        idp.discoveryChanges.put("authorization_endpoint", "http://idp.example.test/authorize");

        refused(idp.details(), "authorize_url must use https");
    }

    @Test
    void configureWhenAUrlIsMalformedOrCarriesCredentialsThenRefused() {
        refusedWith("token_url", "https://login.example.test/a b", "token_url is not a URL");
        InvalidProviderDetailsException refused = refusedWith("token_url",
                "https://user:pass@login.example.test/token", "credentials");
        assertFalse(refused.getMessage().contains("pass"), refused.getMessage());
        refusedWith("token_url", "/token", "token_url must be an absolute https URL");
    }

    @Test
    void configureWhenTheIssuerHasAQueryThenRefused() {
        refusedWith("oidc_issuer", idp.issuer() + "?tenant=1", "must not have a query");
    }

    @Test
    void configureWhenTheIssuerCannotBeReachedThenRefusedSayingWhere() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        InvalidProviderDetailsException refused = refusedWith("oidc_issuer",
                "http://127.0.0.1:" + closedPort + "/tenant/", "oidc_issuer");
        assertTrue(refused.getMessage().contains("http://127.0.0.1:" + closedPort
                + "/tenant/.well-known/openid-configuration"), refused.getMessage());
    }

    @Test
    void configureWhenTheIssuerHasNoDiscoveryDocumentThenRefused() {
        refusedWith("oidc_issuer", idp.issuer() + "/no-such-tenant", "HTTP 404");
    }

    @Test
    void configureWhenTheDocumentLacksTheJwksUriThenRefusedNamingIt() {
        idp.discoveryChanges.put("jwks_uri", null);

        refused(idp.details(), "jwks_uri");
    }

    @Test
    void configureWhenTheScopesLackOpenidThenRefused() {
        refusedWith("authorize_scopes", "email profile", "openid");
    }

    @Test
    void configureWhenAValueIsNotOneOfItsKeysValuesThenRefused() {
        refusedWith("attributes_request_method", "PUT", "attributes_request_method");
        refusedWith("attributes_url_add_attributes", "maybe", "attributes_url_add_attributes");
        refusedWith("token_endpoint_auth_method", "private_key_jwt", "token_endpoint_auth_method");
    }

    @Test
    void configureWhenTheSecretIsMalformedThenRefusedWithoutShowingIt() {
        InvalidProviderDetailsException refused = refusedWith("client_secret", "secret-with-a\nnewline",
                "client_secret");
        assertFalse(refused.getMessage().contains("secret-with-a"), refused.getMessage());
    }

    /** The IdP's details with {@code key} set to {@code value}: refused, the message holding {@code fragment}. */
    private InvalidProviderDetailsException refusedWith(String key, String value, String fragment) {
        Map<String, String> details = idp.details();
        details.put(key, value);
        return refused(details, fragment);
    }

    private InvalidProviderDetailsException refused(Map<String, String> details, String fragment) {
        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> provider.configure(details));
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
        assertFalse(refused.getMessage().contains(ScriptedIdp.CLIENT_SECRET), refused.getMessage());
        return refused;
    }
}
