package io.gatehouse.engine.threat;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;

/** Tells {@link ClientOrigins} where each request came from, for as long as it is served. */
@WebFilter(filterName = "ClientOrigin", urlPatterns = "/*")
public class ClientOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ClientOrigins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String address = origins.clientAddress(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")));
        ClientOrigins.set(new ClientOrigin(address, request.getHeader("User-Agent")));
        try {
            chain.doFilter(request, response);
        } finally {
            ClientOrigins.set(null);
        }
    }
}
