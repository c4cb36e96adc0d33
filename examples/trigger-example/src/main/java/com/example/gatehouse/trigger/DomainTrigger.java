package com.example.gatehouse.trigger;

import io.gatehouse.api.trigger.PreSignUpEvent;
import io.gatehouse.api.trigger.PreSignUpResponse;
import io.gatehouse.api.trigger.PreTokenGenerationEvent;
import io.gatehouse.api.trigger.PreTokenGenerationResponse;
import io.gatehouse.api.trigger.TokenOverrides;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PreSignUp: refuses an e-mail address outside the domain (the user reads the message, Cognito's
 * {@code UserLambdaValidationException}), and lets the others sign up as usual, with a code. PreTokenGeneration:
 * the claim, with the domain as its value, in the ID token and (V2 and V3 events) the access token.
 */
final class DomainTrigger implements TriggerProvider {

    private final String domain;
    private final String claim;

    DomainTrigger(String domain, String claim) {
        this.domain = domain;
        this.claim = claim;
    }

    @Override
    public Set<TriggerKind> triggers() {
        return Set.of(TriggerKind.PRE_SIGN_UP, TriggerKind.PRE_TOKEN_GENERATION);
    }

    @Override
    public PreSignUpResponse preSignUp(PreSignUpEvent event) throws TriggerException {
        String email = event.userAttributes().getOrDefault("email", "").trim().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at < 1 || !email.substring(at + 1).equals(domain)) {
            throw new TriggerException("Sign up with your " + domain + " e-mail address");
        }
        return PreSignUpResponse.NONE;
    }

    @Override
    public PreTokenGenerationResponse preTokenGeneration(PreTokenGenerationEvent event) {
        TokenOverrides withClaim = new TokenOverrides(Map.of(claim, domain), List.of(), List.of(), List.of());
        boolean accessToo = !"1".equals(event.context().version());
        return new PreTokenGenerationResponse(withClaim, accessToo ? withClaim : TokenOverrides.NONE,
                Optional.empty());
    }
}
