package io.gatehouse.engine.federation;

import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredDetailsTest {

    /** Seals by writing the context beside a reversed value, and opens only for the same context. */
    private static final StoredDetails.Sealer SEALER = new StoredDetails.Sealer() {
        @Override
        public String seal(String plain, String context) {
            return context.hashCode() + ":" + new StringBuilder(plain).reverse();
        }

        @Override
        public String open(String sealed, String context) {
            String[] parts = sealed.split(":", 2);
            if (!parts[0].equals(String.valueOf(context.hashCode()))) {
                throw new IllegalStateException("sealed for another context");
            }
            return new StringBuilder(parts[1]).reverse().toString();
        }
    };

    private static final Map<String, String> DETAILS = Map.of("client_id", "app-123", "client_secret",
            "s3cret-value", "authorize_scopes", "openid email");

    @Test
    void writeWhenKeysAreSecretThenOnlyTheyAreSealedAndReadOpensThem() {
        String stored = StoredDetails.write("us-east-1_pool", "corp", DETAILS, Set.of("client_secret"), SEALER);

        assertThat(stored).doesNotContain("s3cret-value").contains("\"client_id\":\"app-123\"");
        assertThat(Json.parseObject(stored).path("client_secret").has("sealed")).isTrue();
        assertThat(StoredDetails.sealedKeys(stored)).containsExactly("client_secret");
        assertThat(StoredDetails.read("us-east-1_pool", "corp", stored, SEALER)).isEqualTo(DETAILS);
    }

    @Test
    void readWhenRowWasCopiedToAnotherIdpThenTheSecretDoesNotOpen() {
        String stored = StoredDetails.write("us-east-1_pool", "corp", DETAILS, Set.of("client_secret"), SEALER);

        assertThatThrownBy(() -> StoredDetails.read("us-east-1_pool", "other", stored, SEALER))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StoredDetails.read("us-east-1_other", "corp", stored, SEALER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contextWhenKeysDifferThenContextsDiffer() {
        assertThat(StoredDetails.context("p", "corp", "client_secret"))
                .isNotEqualTo(StoredDetails.context("p", "corp", "private_key"))
                .startsWith("identity_provider.details");
    }

    @Test
    void resealedWhenAValueIsSealedWithAnOldKeyThenSealedAgainForTheSameContext() {
        String stored = StoredDetails.write("p", "corp", DETAILS, Set.of("client_secret"), SEALER);
        String sealed = Json.parseObject(stored).path("client_secret").path("sealed").asText();

        assertThat(StoredDetails.resealed("p", "corp", stored, value -> true, (value, context) -> "unused"))
                .isEmpty();
        String resealed = StoredDetails.resealed("p", "corp", stored, value -> false,
                (value, context) -> SEALER.seal(SEALER.open(value, context) + "!", context)).orElseThrow();
        assertThat(Json.parseObject(resealed).path("client_secret").path("sealed").asText()).isNotEqualTo(sealed);
        assertThat(StoredDetails.read("p", "corp", resealed, SEALER)).containsEntry("client_secret", "s3cret-value!")
                .containsEntry("client_id", "app-123");
    }
}
