package io.gatehouse.engine.trigger;

/**
 * A trigger that did not answer as it should, before it becomes Cognito's error: the function's own error (its
 * message), no answer in time or at all, or an answer that is not the event with a readable response.
 */
public class TriggerFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The function threw (a Lambda function error, a webhook's error answer, a Java TriggerException). */
        FUNCTION_ERROR,
        /** Not reached, or no answer within the timeout. */
        UNAVAILABLE,
        /** An answer that is not the event with a readable {@code response}. */
        INVALID_RESPONSE
    }

    private final Kind kind;

    public TriggerFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TriggerFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
