package io.gatehouse.engine.userpool;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client with two secrets while they are rotated: each proves it, by itself or by SECRET_HASH. */
class ClientSecretsOfAClientTest {

    private static final String OLD = "oldsecret0123456789abcdefghij";
    private static final String NEW = "newsecret0123456789abcdefghij";

    private static UserPoolClient client(ClientSecret... secrets) {
        return new UserPoolClient("client1", "us-east-1_Pool12345", "c", List.of(secrets),
                Json.MAPPER.createObjectNode(), Instant.EPOCH, Instant.EPOCH);
    }

    private static ClientSecret secret(String value, long created) {
        return new ClientSecret("client1--" + created, value, Instant.ofEpochMilli(created));
    }

    @Test
    void secretsWhenTwoThenEitherMatchesAndTheNewestIsTheOneShown() {
        UserPoolClient rotating = client(secret(NEW, 2000), secret(OLD, 1000));

        assertThat(rotating.secretMatches(OLD)).isTrue();
        assertThat(rotating.secretMatches(NEW)).isTrue();
        assertThat(rotating.secretMatches("other")).isFalse();
        assertThat(rotating.secretMatches(null)).isFalse();
        assertThat(rotating.clientSecret()).contains(NEW);
        assertThat(rotating.secrets()).extracting(ClientSecret::id).containsExactly("client1--1000", "client1--2000");
        assertThat(rotating.toString() + rotating.secrets()).doesNotContain(OLD).doesNotContain(NEW);
    }

    @Test
    void secretHashWhenMadeWithEitherSecretThenAcceptedElseRefused() {
        UserPoolClient rotating = client(secret(OLD, 1000), secret(NEW, 2000));

        assertThatCode(() -> SecretHash.check(rotating, "ana", SecretHash.compute(OLD, "ana", "client1")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SecretHash.check(rotating, "ana", SecretHash.compute(NEW, "ana", "client1")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SecretHash.check(rotating, "ana", SecretHash.compute(NEW, "bob", "client1")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("Unable to verify secret hash");
        assertThat(SecretHash.of(rotating, "ana")).isEqualTo(SecretHash.compute(NEW, "ana", "client1"));
    }

    @Test
    void secretsWhenPublicThenNothingMatchesAndNoHashIsNeeded() {
        UserPoolClient publicClient = client();

        assertThat(publicClient.secretMatches(OLD)).isFalse();
        assertThat(publicClient.clientSecret()).isEmpty();
        assertThatCode(() -> SecretHash.check(publicClient, "ana", null)).doesNotThrowAnyException();
    }

    @Test
    void secretIdWhenMadeThenClientIdAndCreationTime() {
        assertThat(StoredClientSecret.id("abc", 1733450000123L)).isEqualTo("abc--1733450000123");
    }
}
