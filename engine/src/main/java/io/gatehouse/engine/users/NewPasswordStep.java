package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.threat.breach.CompromisedCredentials;
import io.gatehouse.engine.threat.risk.CredentialEvent;
import io.gatehouse.engine.token.TokenGeneration;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * NEW_PASSWORD_REQUIRED: a user who signed in with a temporary password (an administrator's invitation) chooses their
 * own, and gives the required attributes they lack. Through the API (RespondToAuthChallenge) and the hosted UI's
 * new-password page.
 */
@ApplicationScoped
public class NewPasswordStep implements ChallengeStep {

    static final String NAME = "NEW_PASSWORD_REQUIRED";
    private static final String INCORRECT = "Incorrect username or password.";
    private static final String ATTRIBUTE_PREFIX = "userAttributes.";

    @Inject
    CompromisedCredentials compromised;

    @Inject
    UserPools pools;

    @Inject
    UserStores stores;

    @Inject
    AuthSessions sessions;

    @Inject
    SrpCredentials srpCredentials;

    @Inject
    SignInChain chain;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return NAME;
    }

    /** The answer through the API: with USERNAME, NEW_PASSWORD, SECRET_HASH where the client has a secret. */
    @Override
    @Transactional
    public AuthStep answer(ChallengeAnswer answer) {
        ClientOfPool app = chain.client(answer.clientId(), answer.expectedPoolId());
        UserRecord confirmed = setPassword(app.client(), answer.session(), answer.responses(), true);
        return chain.afterPassword(app.pool(), app.client(), confirmed, false,
                TokenGeneration.NEW_PASSWORD_CHALLENGE.withClientMetadata(answer.clientMetadata()));
    }

    /**
     * The challenge for a user whose temporary password was right: they must choose their own before any token is
     * issued.
     *
     * @throws ServiceException {@code NotAuthorizedException} when the temporary password has expired
     */
    AuthStep.Challenged challenge(UserPool pool, UserPoolClient client, UserRecord user) {
        checkTemporaryPassword(pool, user);
        String session = sessions.open(pool.id(), client.clientId(), user.sub(), NAME,
                SignInChain.sessionValidity(client));
        List<String> required = missingRequired(pool, user).stream().map(n -> ATTRIBUTE_PREFIX + n).toList();
        Map<String, String> visible = new TreeMap<>(user.attributes());
        visible.keySet().removeIf(n -> n.equals("sub") || n.endsWith("_verified") || n.startsWith("dev:")
                || n.equals("identities"));
        return new AuthStep.Challenged(NAME, session, Map.of(
                "USER_ID_FOR_SRP", user.username(),
                "requiredAttributes", Json.write(Json.MAPPER.valueToTree(required)),
                "userAttributes", Json.write(Json.MAPPER.valueToTree(visible))));
    }

    /**
     * The hosted UI's sign-in found a temporary password: the session of the new-password page, with the
     * attributes it must ask for.
     */
    SignInService.PasswordProven pageFor(UserPool pool, UserPoolClient client, UserRecord user) {
        checkTemporaryPassword(pool, user);
        return new SignInService.PasswordProven(user, sessions.open(pool.id(), client.clientId(), user.sub(), NAME,
                SignInChain.sessionValidity(client)), missingRequired(pool, user), null);
    }

    /**
     * The hosted UI's new-password page was sent. The client is the server's own page, so no SECRET_HASH is asked
     * for.
     *
     * @return the user, now CONFIRMED
     */
    @Transactional
    public UserRecord choose(UserPoolClient client, String session, String username, String newPassword,
                             Map<String, String> attributes) {
        Map<String, String> responses = new HashMap<>();
        attributes.forEach((name, value) -> responses.put(ATTRIBUTE_PREFIX + name, value));
        responses.put("USERNAME", username);
        responses.put("NEW_PASSWORD", newPassword);
        return setPassword(client, session, responses, false);
    }

    /**
     * The attributes the hosted UI's new-password page asks for: those the pool requires and the user of the
     * session lacks, from the pool and the user, never from the page's own form.
     *
     * @throws ServiceException {@code NotAuthorizedException} when the session is not a current NEW_PASSWORD_REQUIRED
     *                          session of this client
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> attributesAsked(UserPoolClient client, String session) {
        AuthSessions.Pending pending = sessions.peek(session, client.clientId(), NAME);
        UserPool pool = pools.get(pending.userPoolId());
        return PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(pending.sub())
                .map(user -> missingRequired(pool, user)).orElse(List.of());
    }

    /** Checks the session and the answer, sets the password, confirms the user, writes what they added. */
    private UserRecord setPassword(UserPoolClient client, String session, Map<String, String> responses,
                                   boolean secretHash) {
        AuthSessions.Pending pending = sessions.take(session, client.clientId(), NAME);
        UserPool pool = pools.get(pending.userPoolId());
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.capability(store, UserLookup.class).findBySub(pending.sub())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", INCORRECT));
        String username = responses.get("USERNAME");
        if (username == null || PoolUsers.find(pool, store, username).filter(u -> u.sub().equals(user.sub()))
                .isEmpty()) {
            throw ServiceException.invalidParameter("Missing required parameter USERNAME, or it names another user");
        }
        if (secretHash) {
            SecretHash.check(client, username, responses.get("SECRET_HASH"));
        }
        String newPassword = responses.get("NEW_PASSWORD");
        if (newPassword == null) {
            throw ServiceException.invalidParameter("Missing required parameter NEW_PASSWORD");
        }
        PasswordPolicy.of(pool.settings()).check(newPassword);
        compromised.requireNewPasswordAllowed(pool, client.clientId(), CredentialEvent.PASSWORD_CHANGE, newPassword);
        Map<String, String> given = new HashMap<>();
        responses.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX)) {
                given.put(name.substring(ATTRIBUTE_PREFIX.length()), value);
            }
        });
        Map<String, String> added = AttributeRules.checkNewPasswordAnswer(pool.settings(), client.settings(),
                user.attributes(), given);
        Map<String, String> changes = new HashMap<>(added);
        for (String attribute : AttributeService.VERIFIABLE) {
            String value = added.get(attribute);
            if (value != null) {
                // Given by the user, not proven: unverified until a code sent to it comes back.
                PoolUsers.checkSignInAttributeFree(pool, store, user, attribute, value);
                changes.put(attribute + "_verified", "false");
            }
        }
        UserModification modification = PoolUsers.capability(store, UserModification.class);
        modification.updatePassword(user.sub(), new PasswordCredential(newPassword));
        srpCredentials.passwordSet(pool, store, user, newPassword);
        modification.updateStatus(user.sub(), UserStatus.CONFIRMED);
        if (!changes.isEmpty()) {
            modification.updateAttributes(user.sub(), changes, Set.of());
        }
        return PoolUsers.capability(store, UserLookup.class).findBySub(user.sub()).orElseThrow();
    }

    /** The attributes the pool requires that the user has no value for: they give them with their new password. */
    private static List<String> missingRequired(UserPool pool, UserRecord user) {
        return AttributeRules.missingRequired(pool.settings(), user.attributes());
    }

    /** A temporary password is good for the pool's TemporaryPasswordValidityDays. */
    private void checkTemporaryPassword(UserPool pool, UserRecord user) {
        int validityDays = pool.settings().path("Policies").path("PasswordPolicy")
                .path("TemporaryPasswordValidityDays").asInt(7);
        if (user.lastModified().plus(Duration.ofDays(validityDays)).isBefore(clock.instant())) {
            throw new ServiceException("NotAuthorizedException",
                    "Temporary password has expired and must be reset by an administrator.");
        }
    }
}
