package io.gatehouse.engine.cognito;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * Browsers call the API from other origins: amazon-cognito-identity-js and Amplify send {@code X-Amz-Target},
 * {@code X-Amz-User-Agent} and {@code Cache-Control}, which need a preflight. The API takes no cookies, so any
 * origin may call it, as with Cognito; what protects it is the signature or token in each request. The same holds
 * for the OAuth endpoints a single-page app calls after the hosted UI (token, revoke, userInfo), which take no
 * cookies either; the hosted UI's pages, which do, are never opened to other origins.
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

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod()) && isApi(request)
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            String requested = request.getHeaderString("Access-Control-Request-Headers");
            request.abortWith(Response.ok()
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .header("Access-Control-Allow-Headers", requested != null ? requested : ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", "86400")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isApi(request) && request.getHeaderString("Origin") != null) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("Access-Control-Allow-Origin", "*");
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    private static boolean isApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.isEmpty() || COOKIELESS_OAUTH.contains(path);
    }
}
