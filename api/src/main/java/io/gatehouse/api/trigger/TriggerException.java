package io.gatehouse.api.trigger;

/**
 * A trigger's refusal (a Lambda function's thrown error): the engine stops the operation, writes nothing, and answers
 * Cognito's {@code UserLambdaValidationException} with {@code "<Trigger> failed with error <message>."}, so the
 * message is for the app's user and holds no secret.
 */
public class TriggerException extends Exception {

    public TriggerException(String message) {
        super(message);
    }
}
