package io.gatehouse.engine.security;

/**
 * A stored value that should be sealed with the data key and cannot be used: stored in clear, sealed with an
 * unknown key, or altered. The message names the value's column and row (never the value); callers let it
 * propagate, since no request can fix it: it is the operator's to see.
 */
public class SealedValueException extends IllegalStateException {

    public SealedValueException(String context, String problem) {
        super(SealedColumn.describe(context) + " " + problem);
    }
}
