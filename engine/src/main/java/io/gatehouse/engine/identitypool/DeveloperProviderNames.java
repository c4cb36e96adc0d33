package io.gatehouse.engine.identitypool;

import io.gatehouse.engine.error.ServiceException;

import java.util.Locale;
import java.util.Set;

/**
 * What a pool's {@code DeveloperProviderName} may be beyond the model's pattern: a name of its own. It is a key of
 * the {@code Logins} maps beside the other providers' names, so it may not be one of them: not the identity pool's
 * own OpenID token ({@code cognito-identity.amazonaws.com}), a public provider Cognito knows, a user pool
 * ({@code cognito-idp.*}), or a provider the pool accepts otherwise.
 */
public final class DeveloperProviderNames {

    /** The names Cognito gives to providers in {@code Logins}, which no developer provider may take. */
    static final Set<String> RESERVED = Set.of("cognito-identity.amazonaws.com", "graph.facebook.com",
            "accounts.google.com", "www.amazon.com", "appleid.apple.com", "api.twitter.com", "www.digits.com");

    private DeveloperProviderNames() {
    }

    /**
     * Checks the pool's developer provider name, if it has one.
     *
     * @throws ServiceException {@code InvalidParameterException} for a name that is another provider's
     */
    public static void check(IdentityPool pool) {
        pool.developerProviderName().ifPresent(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESERVED.contains(lower) || lower.startsWith("cognito-idp.") || lower.startsWith("cognito-identity.")
                    || pool.principalTagProviders().contains(name)) {
                throw ServiceException.invalidParameter("The developer provider name " + name + " is the name of"
                        + " another login provider.");
            }
        });
    }
}
