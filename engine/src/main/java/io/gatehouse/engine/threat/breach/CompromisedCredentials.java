package io.gatehouse.engine.threat.breach;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.threat.risk.CredentialEvent;
import io.gatehouse.engine.threat.risk.EffectiveRisk;
import io.gatehouse.engine.threat.risk.RiskConfigurations;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Compromised-credentials detection: a password met at sign-up, at a password change or at a sign-in that sends it
 * is looked up among breached passwords wherever the pool's threat protection mode and risk configuration (its
 * app client's, else its own, else {@code CompromisedCredentialsPolicy.DEFAULT}: block everywhere) check that
 * event, and refused where they block it.
 *
 * <p>A new password (SignUp, AdminCreateUser's TemporaryPassword, ChangePassword, ConfirmForgotPassword,
 * AdminSetUserPassword, the NEW_PASSWORD_REQUIRED answer, the hosted UI's pages) is refused with
 * {@code InvalidPasswordException}. A sign-in is the caller's to refuse ({@link #atSignIn}): Cognito then sets the
 * user's status to RESET_REQUIRED. SRP sign-ins never show the password and are not checked, as in Cognito.
 */
@ApplicationScoped
public class CompromisedCredentials {

    /** The message of Cognito's {@code InvalidPasswordException} for a compromised password. */
    public static final String REFUSED = "Provided password cannot be used for security reasons.";

    private static final Logger LOG = Logger.getLogger(CompromisedCredentials.class.getName());

    @Inject
    RiskConfigurations risks;

    @Inject
    BreachedPasswords breached;

    /**
     * Whether a new password is refused while a source of breached passwords cannot answer ({@code block}) or passes
     * ({@code allow}, the default). Never a sign-in: an outage of a third party must not send users to reset their
     * passwords.
     */
    @Inject
    @ConfigProperty(name = "gatehouse.compromised-credentials.when-unavailable", defaultValue = "allow")
    String whenUnavailable;

    @PostConstruct
    void checkSetting() {
        if (!whenUnavailable.equals("allow") && !whenUnavailable.equals("block")) {
            throw new IllegalArgumentException("gatehouse.compromised-credentials.when-unavailable must be allow or "
                    + "block, not '" + whenUnavailable + "'");
        }
    }

    /**
     * Looks the password up where the settings for {@code clientId}'s sign-ins check {@code event}.
     *
     * @param clientId the app client, or null where none is involved (administrators' calls)
     */
    public CompromisedCredentialsCheck check(UserPool pool, String clientId, CredentialEvent event, String password) {
        EffectiveRisk risk = risks.effective(pool, clientId);
        if (!risk.checksCompromised(event)) {
            return CompromisedCredentialsCheck.skipped(event);
        }
        return judged(pool, risk, event, breached.find(password));
    }

    private static CompromisedCredentialsCheck judged(UserPool pool, EffectiveRisk risk, CredentialEvent event,
                                                      BreachFinding finding) {
        boolean blocked = finding.breached() && risk.blocksCompromised(event);
        if (finding.breached()) {
            LOG.info(() -> "Compromised credentials detected at " + event + " in user pool " + pool.id() + " (source "
                    + finding.source().orElse("?") + "): " + (blocked ? "blocked" : "allowed, recorded only"));
        }
        return new CompromisedCredentialsCheck(event, true, finding.breached(), blocked, finding.source());
    }

    /**
     * Checks a new password and refuses it where the settings block breached ones at {@code event}.
     *
     * @throws ServiceException {@code InvalidPasswordException} for a blocked breached password
     */
    public CompromisedCredentialsCheck requireNewPasswordAllowed(UserPool pool, String clientId,
                                                                 CredentialEvent event, String password) {
        EffectiveRisk risk = risks.effective(pool, clientId);
        if (!risk.checksCompromised(event)) {
            return CompromisedCredentialsCheck.skipped(event);
        }
        BreachFinding finding = breached.find(password);
        CompromisedCredentialsCheck check = judged(pool, risk, event, finding);
        if (check.blocked()) {
            throw new ServiceException("InvalidPasswordException", REFUSED);
        }
        if (finding.unanswered() && whenUnavailable.equals("block") && risk.blocksCompromised(event)) {
            throw new ServiceException("InvalidPasswordException", "The password cannot be checked against breached "
                    + "passwords right now; try again later.");
        }
        return check;
    }

    /** Checks the password of a sign-in that sent it (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, hosted UI). */
    public CompromisedCredentialsCheck atSignIn(UserPool pool, String clientId, String password) {
        return check(pool, clientId, CredentialEvent.SIGN_IN, password);
    }
}
