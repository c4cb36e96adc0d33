package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.ServerDataKey;
import io.gatehouse.it.support.TestFederationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DuplicateProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderUserIdentifierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pool's identity providers over the wire: CreateIdentityProvider and friends, the app clients that name them,
 * and upstream identities linked to native users. The IdPs are of the type of a federation provider the suite
 * builds and installs on the server ({@link TestFederationProvider}), as a third party's would be.
 */
class IdentityProvidersIT {

    private static final String TYPE = TestFederationProvider.TYPE;

    private static CognitoIdentityProviderClient cognito;
    private String pool;

    @BeforeAll
    static void installType() throws Exception {
        TestFederationProvider.install();
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void uninstallType() throws Exception {
        cognito.close();
        TestFederationProvider.uninstall();
    }

    @BeforeEach
    void newPool() {
        pool = cognito.createUserPool(r -> r.poolName("identity-providers")).userPool().id();
        cognito.addCustomAttributes(r -> r.userPoolId(pool).customAttributes(a -> a.name("team")
                .attributeDataType("String").mutable(true)));
    }

    private IdentityProviderType create(String name, Map<String, String> details) {
        return cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName(name).providerType(TYPE)
                .providerDetails(details)).identityProvider();
    }

    private static Map<String, String> details(String clientId) {
        return Map.of("client_id", clientId, "client_secret", "secret-of-" + clientId);
    }

    private static void assertError(Runnable call, Class<? extends CognitoIdentityProviderException> type,
                                    String message) {
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
    }

    @Test
    void createWhenTypeInstalledThenDescribedListedAndFoundByIdentifier() {
        IdentityProviderType created = cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("corp")
                .providerType(TYPE).providerDetails(Map.of("client_id", "corp-app", "client_secret", "corp-secret",
                        "private_key", "corp-private-key", "oidc_issuer", "https://idp.example.com"))
                .attributeMapping(Map.of("email", "mail", "custom:team", "department"))
                .idpIdentifiers("Example.com", "corp-sso")).identityProvider();

        assertThat(created.providerTypeAsString()).isEqualTo(TYPE);
        assertThat(created.creationDate()).isNotNull().isEqualTo(created.lastModifiedDate());
        IdentityProviderType described = cognito.describeIdentityProvider(r -> r.userPoolId(pool)
                .providerName("corp")).identityProvider();
        for (IdentityProviderType idp : List.of(created, described)) {
            assertThat(idp.userPoolId()).isEqualTo(pool);
            // private_key is a secret the type does not show; authorize_url is what its "discovery" completed.
            assertThat(idp.providerDetails()).isEqualTo(Map.of("client_id", "corp-app", "client_secret",
                    "corp-secret", "oidc_issuer", "https://idp.example.com", "authorize_url",
                    "https://idp.example.com/authorize"));
            assertThat(idp.attributeMapping()).isEqualTo(Map.of("email", "mail", "custom:team", "department",
                    "username", "sub"));
            assertThat(idp.idpIdentifiers()).containsExactly("Example.com", "corp-sso");
        }
        assertThat(cognito.listIdentityProviders(r -> r.userPoolId(pool)).providers())
                .extracting(ProviderDescription::providerName, ProviderDescription::providerTypeAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("corp", TYPE));
        assertThat(cognito.getIdentityProviderByIdentifier(r -> r.userPoolId(pool).idpIdentifier("EXAMPLE.COM"))
                .identityProvider().providerName()).isEqualTo("corp");
        assertError(() -> cognito.getIdentityProviderByIdentifier(r -> r.userPoolId(pool).idpIdentifier("other")),
                ResourceNotFoundException.class, "other");
    }

    @Test
    void updateWhenDetailsGivenThenMergedAndCheckedAgainAndIdentifiersReplaced() {
        cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("corp").providerType(TYPE)
                .providerDetails(details("first")).idpIdentifiers("old-name"));

        IdentityProviderType updated = cognito.updateIdentityProvider(r -> r.userPoolId(pool).providerName("corp")
                .providerDetails(Map.of("client_id", "second")).attributeMapping(Map.of("email", "mail"))
                .idpIdentifiers("new-name")).identityProvider();

        assertThat(updated.providerDetails()).isEqualTo(Map.of("client_id", "second", "client_secret",
                "secret-of-first"));
        assertThat(updated.attributeMapping()).isEqualTo(Map.of("email", "mail", "username", "sub"));
        assertThat(updated.lastModifiedDate()).isAfterOrEqualTo(updated.creationDate());
        assertThat(cognito.getIdentityProviderByIdentifier(r -> r.userPoolId(pool).idpIdentifier("new-name"))
                .identityProvider().providerName()).isEqualTo("corp");
        assertError(() -> cognito.getIdentityProviderByIdentifier(r -> r.userPoolId(pool).idpIdentifier("old-name")),
                ResourceNotFoundException.class, "old-name");
        assertError(() -> cognito.updateIdentityProvider(r -> r.userPoolId(pool).providerName("corp")
                .providerDetails(Map.of("token_url", "https://x"))), InvalidParameterException.class,
                "unknown detail token_url");
        assertThat(cognito.describeIdentityProvider(r -> r.userPoolId(pool).providerName("corp"))
                .identityProvider().providerDetails()).containsEntry("client_id", "second");
        assertError(() -> cognito.updateIdentityProvider(r -> r.userPoolId(pool).providerName("missing")),
                ResourceNotFoundException.class, "missing");
    }

    @Test
    void createWhenNameTypeOrDetailsRefusedThenCognitosErrors() {
        create("corp", details("corp"));

        assertError(() -> create("corp", details("again")), DuplicateProviderException.class, "corp");
        assertError(() -> create("Cognito", details("c")), InvalidParameterException.class, "reserved");
        assertError(() -> cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("octocat")
                .providerType("NoSuchType").providerDetails(details("x"))), InvalidParameterException.class,
                "NoSuchType");
        assertError(() -> create("partial", Map.of("client_id", "x")), InvalidParameterException.class,
                "client_secret is required");
        assertError(() -> cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("mapped")
                .providerType(TYPE).providerDetails(details("m")).attributeMapping(Map.of("custom:missing", "x"))),
                InvalidParameterException.class, "custom:missing");
        assertError(() -> cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("remapped")
                .providerType(TYPE).providerDetails(details("m")).attributeMapping(Map.of("username", "email"))),
                InvalidParameterException.class, "cannot be remapped");
        cognito.updateIdentityProvider(r -> r.userPoolId(pool).providerName("corp").idpIdentifiers("shared"));
        assertError(() -> cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("second")
                .providerType(TYPE).providerDetails(details("s")).idpIdentifiers("SHARED")),
                DuplicateProviderException.class, "corp");
        assertError(() -> cognito.createIdentityProvider(r -> r.userPoolId(pool).providerName("twice")
                .providerType(TYPE).providerDetails(details("t")).idpIdentifiers("a", "A")),
                DuplicateProviderException.class, "twice");
        assertError(() -> cognito.describeIdentityProvider(r -> r.userPoolId(pool).providerName("second")),
                ResourceNotFoundException.class, "second");
        assertError(() -> cognito.describeIdentityProvider(r -> r.userPoolId("us-east-1_NoSuchPool")
                .providerName("corp")), ResourceNotFoundException.class, "us-east-1_NoSuchPool");
        assertThat(cognito.listIdentityProviders(r -> r.userPoolId(pool)).providers()).hasSize(1);
    }

    @Test
    void listWhenMorePagesThenNextTokenContinuesInNameOrder() {
        for (String name : List.of("charlie", "alpha", "bravo")) {
            create(name, details(name));
        }

        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListIdentityProvidersResponse page = cognito.listIdentityProviders(r -> r.userPoolId(pool).maxResults(2)
                    .nextToken(next));
            page.providers().forEach(p -> names.add(p.providerName()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(names).containsExactly("alpha", "bravo", "charlie");
        assertThat(pages).isEqualTo(2);
        assertError(() -> cognito.listIdentityProviders(r -> r.userPoolId(pool).nextToken("forged")),
                InvalidParameterException.class, "pagination token");
    }

    @Test
    void appClientsWhenTheyNameIdpsThenOnlyThePoolsAndDeletingOneTakesItOut() {
        create("corp", details("corp"));
        assertError(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app")
                .supportedIdentityProviders("COGNITO", "elsewhere")), InvalidParameterException.class,
                "The provider elsewhere does not exist for User Pool " + pool);
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app")
                .supportedIdentityProviders("COGNITO", "corp")).userPoolClient().clientId();
        assertError(() -> cognito.updateUserPoolClient(r -> r.userPoolId(pool).clientId(client)
                .supportedIdentityProviders("corp", "elsewhere")), InvalidParameterException.class, "elsewhere");

        cognito.deleteIdentityProvider(r -> r.userPoolId(pool).providerName("corp"));

        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(pool).clientId(client)).userPoolClient()
                .supportedIdentityProviders()).containsExactly("COGNITO");
        assertError(() -> cognito.describeIdentityProvider(r -> r.userPoolId(pool).providerName("corp")),
                ResourceNotFoundException.class, "corp");
        assertError(() -> cognito.deleteIdentityProvider(r -> r.userPoolId(pool).providerName("corp")),
                ResourceNotFoundException.class, "corp");
        assertThat(cognito.listIdentityProviders(r -> r.userPoolId(pool)).providers()).isEmpty();
        // The name and its identifiers are free again.
        create("corp", details("again"));
    }

    @Test
    void linkWhenNativeUserAndIdpSubjectThenCognitosRulesHold() {
        create("corp", details("corp"));
        users("nina", "omar", "partner_federated-1");

        link("nina", "corp", "subject-1");
        link("nina", "corp", "subject-1");

        assertError(() -> link("omar", "corp", "subject-1"), AliasExistsException.class, "another user");
        assertError(() -> link("nobody", "corp", "subject-2"), UserNotFoundException.class, "does not exist");
        assertError(() -> link("nina", "elsewhere", "subject-2"), InvalidParameterException.class, "elsewhere");
        assertError(() -> cognito.adminLinkProviderForUser(r -> r.userPoolId(pool)
                .destinationUser(u -> u.providerName("Cognito").providerAttributeValue("nina"))
                .sourceUser(u -> u.providerName("corp").providerAttributeName("email")
                        .providerAttributeValue("nina@example.com"))), InvalidParameterException.class,
                "Cognito_Subject");
        create("partner", details("partner"));
        assertError(() -> link("nina", "partner", "federated-1"), InvalidParameterException.class,
                "Merging is not currently supported");
        for (int i = 2; i <= 5; i++) {
            link("nina", "corp", "subject-" + i);
        }
        assertError(() -> link("nina", "corp", "subject-6"), LimitExceededException.class, "5");
        link("omar", "corp", "subject-6");
    }

    @Test
    void disableWhenLinkedOrFederatedThenLinkRemovedAndFederatedUserDisabled() {
        create("corp", details("corp"));
        users("nina", "omar", "corp_federated-1");
        link("nina", "corp", "subject-1");

        disable("corp", "subject-1");
        link("omar", "corp", "subject-1");

        disable("corp", "federated-1");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("corp_federated-1")).enabled()).isFalse();
        assertError(() -> disable("corp", "nobody"), UserNotFoundException.class, "does not exist");
        assertError(() -> disable("elsewhere", "subject-1"), InvalidParameterException.class, "elsewhere");
    }

    @Test
    void deleteWhenUserOrPoolGoesThenTheirLinksAndIdpsGoToo() {
        create("corp", details("corp"));
        users("nina", "omar");
        link("nina", "corp", "subject-1");

        cognito.adminDeleteUser(r -> r.userPoolId(pool).username("nina"));
        link("omar", "corp", "subject-1");
        cognito.deleteUserPool(r -> r.userPoolId(pool));

        assertError(() -> cognito.listIdentityProviders(r -> r.userPoolId(pool)), ResourceNotFoundException.class,
                pool);
    }

    @Test
    void databaseWhenReadWithoutTheDataKeyThenNoSecretDetail() throws Exception {
        String marker = UUID.randomUUID().toString();
        String secret = "client-secret-" + marker;
        String privateKey = "private-key-" + marker;
        create("sealed", Map.of("client_id", "client-" + marker, "client_secret", secret, "private_key",
                privateKey));

        if (Gatehouse.onPostgres()) {
            try (Connection db = Gatehouse.database();
                 PreparedStatement s = db.prepareStatement("SELECT details FROM identity_provider"
                         + " WHERE user_pool_id = ? AND provider_name = 'sealed'")) {
                s.setString(1, pool);
                try (ResultSet rows = s.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    String stored = rows.getString(1);
                    assertThat(stored).contains("client-" + marker).doesNotContain(secret).doesNotContain(privateKey);
                    String sealed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored)
                            .path("client_secret").path("sealed").asText();
                    assertThat(ServerDataKey.open(sealed, "identity_provider.details", pool, "sealed",
                            "client_secret")).isEqualTo(secret);
                }
            }
        } else {
            Path file = Gatehouse.serverDir().resolve("database/gatehouse.mv.db");
            String content = "";
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(deadline) && !content.contains("client-" + marker)) {
                // ISO-8859-1 maps each byte to one char, so ASCII text in the file is found as it is.
                content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                Thread.sleep(250);
            }
            // Booleans, not doesNotContain: a failure must not print the whole file.
            assertThat(content.contains("client-" + marker)).as("the database file holds the row").isTrue();
            assertThat(content.contains(secret)).as("client_secret in the file").isFalse();
            assertThat(content.contains(privateKey)).as("private_key in the file").isFalse();
        }
    }

    /** Native users of the pool; one named {@code <ProviderName>_<subject>} stands for a federated user. */
    private void users(String... names) {
        for (String name : names) {
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(name).messageAction(MessageActionType.SUPPRESS));
        }
    }

    private void link(String username, String providerName, String subject) {
        cognito.adminLinkProviderForUser(r -> r.userPoolId(pool)
                .destinationUser(u -> u.providerName("Cognito").providerAttributeValue(username))
                .sourceUser(source(providerName, subject)));
    }

    private void disable(String providerName, String subject) {
        cognito.adminDisableProviderForUser(r -> r.userPoolId(pool).user(source(providerName, subject)));
    }

    private static ProviderUserIdentifierType source(String providerName, String subject) {
        return ProviderUserIdentifierType.builder().providerName(providerName).providerAttributeName("Cognito_Subject")
                .providerAttributeValue(subject).build();
    }
}
