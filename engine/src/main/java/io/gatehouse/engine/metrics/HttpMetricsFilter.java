package io.gatehouse.engine.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every request to the JAX-RS endpoints (OAuth 2.0 and OpenID Connect, the hosted UI's pages, the well-known
 * documents, the admin endpoints) into {@link GatehouseMetrics#httpRequest}. The endpoint is labelled with the path
 * template of the resource method that answered ({@code /oauth2/token}, {@code /.well-known/jwks.json},
 * {@code /{poolId}/.well-known/openid-configuration}...), never with the path requested, so a scan of random paths
 * adds no series: what matched no method counts as {@code unmatched}. The template of a method is read once from
 * its annotations and kept.
 */
@Provider
@PreMatching
@ApplicationScoped
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String UNMATCHED = "unmatched";
    private static final String STARTED = HttpMetricsFilter.class.getName() + ".started";

    @Inject
    GatehouseMetrics metrics;

    @Context
    ResourceInfo resource;

    private final Map<Method, String> templates = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        Method method = resource.getResourceMethod();
        String endpoint = method == null ? UNMATCHED
                : templates.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
        metrics.httpRequest(endpoint, response.getStatus(), System.nanoTime() - started);
    }

    /** The method's full path template: its class's {@code @Path} then its own, as {@code /a/{b}}. */
    static String template(Class<?> type, Method method) {
        Path onClass = type == null ? null : type.getAnnotation(Path.class);
        Path onMethod = method.getAnnotation(Path.class);
        String joined = "/" + (onClass == null ? "" : onClass.value()) + "/"
                + (onMethod == null ? "" : onMethod.value());
        String collapsed = joined.replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
