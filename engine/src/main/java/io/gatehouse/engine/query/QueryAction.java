package io.gatehouse.engine.query;

import io.gatehouse.engine.cognito.sigv4.SignedRequest;

import java.util.Map;

/** One action of a service this server answers over the Query protocol, as its {@code Version} and {@code Action}. */
public interface QueryAction {

    /** The service's API version the action belongs to: STS's {@code 2011-06-15}, IAM's {@code 2010-05-08}. */
    String version();

    /** The action's name: {@code GetCallerIdentity}, {@code CreateOpenIDConnectProvider}. */
    String name();

    /**
     * Answers one request, errors included, in the service's XML form.
     *
     * @param form the request's form fields
     */
    QueryAnswer handle(SignedRequest request, Map<String, String> form, String requestId);
}
