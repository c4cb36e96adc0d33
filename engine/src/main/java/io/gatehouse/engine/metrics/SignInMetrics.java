package io.gatehouse.engine.metrics;

import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.metrics.GatehouseMetrics.SignInOutcome;

import java.util.Set;
import java.util.function.Supplier;

/** Counts the steps of sign-ins into {@link GatehouseMetrics#signIn}, each as it ends: with tokens, a challenge or a failure. */
public final class SignInMetrics {

    /** InitiateAuth's flows; anything else is labelled {@code unknown}. */
    private static final Set<String> FLOWS = Set.of("USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH",
            "ADMIN_NO_SRP_AUTH", "USER_SRP_AUTH", "CUSTOM_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "USER_AUTH");

    public static final String RESPOND_TO_AUTH_CHALLENGE = "RESPOND_TO_AUTH_CHALLENGE";
    public static final String HOSTED_UI = "HOSTED_UI";
    public static final String FEDERATED = "FEDERATED";
    public static final String REFRESH_TOKEN_AUTH = "REFRESH_TOKEN_AUTH";

    private SignInMetrics() {
    }

    /** The label of an InitiateAuth flow: itself when it is one, else {@code unknown}. */
    public static String flow(String flow) {
        return flow != null && FLOWS.contains(flow) ? flow : GatehouseMetrics.UNKNOWN;
    }

    /** Runs one step of a sign-in and counts how it ended. */
    public static AuthStep step(GatehouseMetrics metrics, String flow, Supplier<AuthStep> step) {
        AuthStep result;
        try {
            result = step.get();
        } catch (RuntimeException e) {
            metrics.signIn(flow, SignInOutcome.FAILURE);
            throw e;
        }
        metrics.signIn(flow, result instanceof AuthStep.Authenticated ? SignInOutcome.SUCCESS
                : SignInOutcome.CHALLENGE);
        return result;
    }

    /** Runs a step that ends with tokens or fails, and counts how it ended. */
    public static <T> T finished(GatehouseMetrics metrics, String flow, Supplier<T> step) {
        T result;
        try {
            result = step.get();
        } catch (RuntimeException e) {
            metrics.signIn(flow, SignInOutcome.FAILURE);
            throw e;
        }
        metrics.signIn(flow, SignInOutcome.SUCCESS);
        return result;
    }
}
