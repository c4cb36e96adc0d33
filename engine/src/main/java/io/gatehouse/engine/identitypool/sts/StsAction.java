package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.cognito.sigv4.SignedRequest;

import java.util.Map;

/** One action of this server's STS, as the Query protocol's {@code Action} field names it. */
public interface StsAction {

    /** The action's name: {@code GetCallerIdentity}, {@code AssumeRoleWithWebIdentity}. */
    String name();

    /**
     * Answers one request, errors included, in STS's XML form.
     *
     * @param form the request's form fields
     */
    StsAnswer handle(SignedRequest request, Map<String, String> form, String requestId);
}
