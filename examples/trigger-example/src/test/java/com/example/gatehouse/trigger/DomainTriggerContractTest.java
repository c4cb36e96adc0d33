package com.example.gatehouse.trigger;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.api.testing.TriggerProviderContract;
import io.gatehouse.api.trigger.PreSignUpEvent;
import io.gatehouse.api.trigger.PreTokenGenerationEvent;
import io.gatehouse.api.trigger.PreTokenGenerationResponse;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProviderFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gatehouse's trigger provider contract, run against this provider (no server needed), plus what this provider
 * itself promises: the domain and the claim it is configured with.
 */
class DomainTriggerContractTest extends TriggerProviderContract {

    @Override
    protected TriggerProviderFactory newFactory() {
        return new DomainTriggerFactory();
    }

    @Override
    protected ProviderConfig config() {
        return new ProviderConfig(Map.of("domain", "example.com", "claim", "org"));
    }

    @Override
    protected Optional<Object> refusedEvent(TriggerKind kind) {
        return kind == TriggerKind.PRE_SIGN_UP ? Optional.of(new PreSignUpEvent(context("PreSignUp_SignUp", "1"),
                Map.of("email", "mallory@example.com.evil.test"), Map.of(), Map.of())) : Optional.empty();
    }

    @Test
    void preTokenGenerationThenTheClaimInTheIdTokenAndForV2InTheAccessToken() throws Exception {
        PreTokenGenerationResponse v2 = provider.preTokenGeneration((PreTokenGenerationEvent) event(
                TriggerKind.PRE_TOKEN_GENERATION));

        assertEquals("example.com", v2.idToken().claimsToAddOrOverride().get("org"));
        assertEquals("example.com", v2.accessToken().claimsToAddOrOverride().get("org"));
    }

    @Test
    void preSignUpWhenTheAddressIsInTheDomainWhateverItsCaseThenAccepted() throws Exception {
        provider.preSignUp(new PreSignUpEvent(context("PreSignUp_SignUp", "1"), Map.of("email", "Bob@Example.COM"),
                Map.of(), Map.of()));
    }

    @Test
    void initWhenTheDomainIsNoDomainThenRefusedSayingWhichOption() {
        ProviderInitializationException refused = assertThrows(ProviderInitializationException.class,
                () -> new DomainTriggerFactory().init(new ProviderConfig(Map.of("domain", "not a domain"))));

        assertTrue(refused.getMessage().contains("gatehouse.spi.trigger.email-domain.domain"));
    }
}
