package io.gatehouse.engine.cognito;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Cognito operation, in one class named after it. A handler is thin: it reads the validated request, calls
 * the core, and shapes the response. Authentication and validation against the service model happen before it
 * is called.
 *
 * <p>An operation belongs to the user-pool API unless it says otherwise through {@link #targetPrefix()} (as the
 * identity-pool API's operations do, through {@code IdentityOperation}).
 */
public interface CognitoOperation {

    /** The operation's name, as in {@code X-Amz-Target: AWSCognitoIdentityProviderService.<name>}. */
    String name();

    /** The {@code X-Amz-Target} prefix of the service it belongs to: the user-pool API's, unless overridden. */
    default String targetPrefix() {
        return CognitoProtocol.USER_POOLS_TARGET;
    }

    /**
     * Handles one call.
     *
     * @param request the request, validated against the operation's input shape and holding only its members
     * @return the response body
     * @throws io.gatehouse.engine.error.ServiceException for any failure the caller must hear about
     */
    ObjectNode handle(ObjectNode request);
}
