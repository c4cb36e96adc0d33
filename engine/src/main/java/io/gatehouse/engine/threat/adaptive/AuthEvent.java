package io.gatehouse.engine.threat.adaptive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A row of {@code auth_event}: one sign-in attempt of a known user, with its risk and outcome. */
@Entity
@Table(name = "auth_event")
public class AuthEvent {

    public static final String PASS = "Pass";
    public static final String FAIL = "Fail";
    public static final String IN_PROGRESS = "InProgress";
    public static final String VALID = "Valid";
    public static final String INVALID = "Invalid";

    /** The room for ChallengeResponses ({@code challenges} is VARCHAR(200)). */
    static final int CHALLENGES_MAX = 200;

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "sub", nullable = false)
    private String sub;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "response", nullable = false)
    private String response;

    @Column(name = "risk_decision", nullable = false)
    private String riskDecision;

    @Column(name = "risk_level", nullable = false)
    private String riskLevel;

    /** The signals that fired, comma-separated. */
    @Column(name = "signals", nullable = false)
    private String signals;

    /** Cognito's ChallengeResponses, as {@code Password:Success,Mfa:Failure}. */
    @Column(name = "challenges", nullable = false)
    private String challenges;

    @Column(name = "ip_address", nullable = false)
    private String ipAddress;

    @Column(name = "network", nullable = false)
    private String network;

    @Column(name = "agent_family", nullable = false)
    private String agentFamily;

    @Column(name = "device_name", nullable = false)
    private String deviceName;

    @Column(name = "feedback_value")
    private String feedbackValue;

    @Column(name = "feedback_provider")
    private String feedbackProvider;

    @Column(name = "feedback_at")
    private Long feedbackAt;

    /**
     * Whether it passed or got feedback ({@link PastSignIn#settled()}): kept as a column, in the key of an index, so
     * that a user's settled events are read straight off it however many failures lie between them.
     */
    @Column(name = "settled", nullable = false)
    private boolean settled;

    protected AuthEvent() {
    }

    AuthEvent(String id, String userPoolId, String sub, String eventType, long createdAt, String response,
              String riskDecision, String riskLevel, String signals, String challenges, SignInAttempt attempt) {
        this.id = id;
        this.userPoolId = userPoolId;
        this.sub = sub;
        this.eventType = eventType;
        this.createdAt = createdAt;
        this.response = response;
        this.riskDecision = riskDecision;
        this.riskLevel = riskLevel;
        this.signals = signals;
        this.challenges = challenges;
        this.ipAddress = clip(attempt.address(), 64);
        this.network = clip(attempt.network(), 64);
        this.agentFamily = clip(attempt.agentFamily(), 200);
        this.deviceName = clip(attempt.deviceName(), 500);
        this.settled = PASS.equals(response);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    void feedback(String value, String provider, long at) {
        this.feedbackValue = value;
        this.feedbackProvider = provider;
        this.feedbackAt = at;
        this.settled = true;
    }

    /**
     * Records an answer to the sign-in's second factor: the right one ends it, passed. Where the answers would
     * overflow the column, the earlier wrong ones give way: the first (the password's) and the latest stay.
     */
    void secondFactor(boolean right) {
        String answer = ChallengeResults.MFA + ":" + (right ? ChallengeResults.SUCCESS : ChallengeResults.FAILURE);
        challenges = appendAnswer(challenges, answer);
        if (right) {
            response = PASS;
            settled = true;
        }
    }

    static String appendAnswer(String challenges, String answer) {
        List<String> answers = new ArrayList<>();
        if (!challenges.isEmpty()) {
            answers.addAll(List.of(challenges.split(",")));
        }
        answers.add(answer);
        while (String.join(",", answers).length() > CHALLENGES_MAX && answers.size() > 2) {
            answers.remove(answers.size() - 2);
        }
        return String.join(",", answers);
    }

    public String id() {
        return id;
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String sub() {
        return sub;
    }

    public String eventType() {
        return eventType;
    }

    public long createdAt() {
        return createdAt;
    }

    public String response() {
        return response;
    }

    public String riskDecision() {
        return riskDecision;
    }

    public String riskLevel() {
        return riskLevel;
    }

    public String signals() {
        return signals;
    }

    public String challenges() {
        return challenges;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String deviceName() {
        return deviceName;
    }

    public String feedbackValue() {
        return feedbackValue;
    }

    public String feedbackProvider() {
        return feedbackProvider;
    }

    public Long feedbackAt() {
        return feedbackAt;
    }
}
