package io.gatehouse.engine.cognito;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.Set;

/**
 * Browsers call the API from other origins: amazon-cognito-identity-js and Amplify send {@code X-Amz-Target},
 * {@code X-Amz-User-Agent} and {@code Cache-Control}, which need a preflight. The API takes no cookies, so any
 * origin may call it, as with Cognito; what protects it is the signature or token in each request. The same holds
 * for the OAuth endpoints a single-page app calls after the hosted UI (token, revoke, userInfo), which take no
 * cookies either; the hosted UI's pages, which do, are never opened to other origins. This filter serves the OAuth
 * endpoints; the API's servlet, {@link CognitoEndpoint}, gives the same answers through {@link #preflight} and
 * {@link #actualResponse}.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Set<String> COOKIELESS_OAUTH = Set.of("oauth2/token", "oauth2/revoke",
            "oauth2/userInfo");
    private static final String EXPOSED = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date";
    private static final String ALLOWED_HEADERS = "Content-Type, X-Amz-Target, X-Amz-User-Agent, Cache-Control, "
            + "Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256, amz-sdk-invocation-id, "
            + "amz-sdk-request";
    private static final Map<String, String> ACTUAL = Map.of("Access-Control-Allow-Origin", "*",
            "Access-Control-Expose-Headers", EXPOSED);

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod()) && isCookieless(request)
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder ok = Response.ok();
            preflight(request.getHeaderString("Access-Control-Request-Headers")).forEach(ok::header);
            request.abortWith(ok.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isCookieless(request) && request.getHeaderString("Origin") != null) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            actualResponse().forEach(headers::putSingle);
        }
    }

    /** The headers that answer a preflight asking for {@code requestedHeaders} (null: none named). */
    static Map<String, String> preflight(String requestedHeaders) {
        return Map.of("Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Methods", "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers", requestedHeaders != null ? requestedHeaders : ALLOWED_HEADERS,
                "Access-Control-Max-Age", "86400");
    }

    /** The headers of an answer to a call from another origin. */
    static Map<String, String> actualResponse() {
        return ACTUAL;
    }

    private static boolean isCookieless(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return COOKIELESS_OAUTH.contains(path.startsWith("/") ? path.substring(1) : path);
    }
}
