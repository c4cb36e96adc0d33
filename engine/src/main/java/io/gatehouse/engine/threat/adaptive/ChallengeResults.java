package io.gatehouse.engine.threat.adaptive;

/** The names of an auth event's ChallengeResponses as Cognito writes them. */
public final class ChallengeResults {

    public static final String PASSWORD = "Password";
    public static final String MFA = "Mfa";
    public static final String SUCCESS = "Success";
    public static final String FAILURE = "Failure";

    private ChallengeResults() {
    }
}
