package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.oauth.RedirectParameters;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPoolClients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Optional;

/**
 * {@code GET /logout}: ends the browser's session with the client's pool, then either goes to {@code logout_uri},
 * which must be one of the client's LogoutURLs exactly, or, given an authorization request instead, to the sign-in
 * page for it (Cognito's two forms). Anything else is an error page: an unregistered URI is never redirected to. A
 * session begun at an external IdP whose provider signs out there ({@code idp_signout} for OIDC, {@code IDPSignout}
 * for SAML) goes by the IdP's sign-out first, which comes back to the same place (SAML by way of
 * {@code /saml2/logout}).
 */
@RequestScoped
@Path("logout")
public class LogoutEndpoint {

    @Inject
    PageSupport support;

    @Inject
    UserPoolClients clients;

    @Inject
    HostedSessions sessions;

    @Inject
    FederatedSignIn federated;

    @Inject
    GatehouseConfig config;

    @Context
    UriInfo uri;

    @GET
    public Response logout() {
        return support.guard(uri, query -> {
            String lang = query.getFirst("lang");
            String clientId = query.getFirst("client_id");
            UserPoolClient client;
            try {
                client = clients.byClientId(clientId == null ? "" : clientId);
            } catch (ServiceException e) {
                return support.error(400, "invalid_request", "client_id does not name a client.", lang);
            }
            support.checkDomain(client.userPoolId(), lang);
            // The session ends whatever follows: a user who asked to sign out is signed out even if the app's
            // request is wrong.
            String cookie = SignInFlow.sessionCookie(client.userPoolId());
            Optional<HostedSessions.Upstream> upstream = sessions.ended(support.browser().cookie(cookie));
            support.browser().setCookie(cookie, "", 0, "Lax");
            String logoutUri = query.getFirst("logout_uri");
            URI target;
            if (logoutUri != null) {
                if (query.get("logout_uri").size() > 1
                        || !client.listSetting("LogoutURLs").contains(logoutUri)) {
                    return support.error(400, "invalid_request", "logout_uri is not one of the client's sign-out "
                            + "URLs.", lang);
                }
                try {
                    target = URI.create(logoutUri);
                } catch (IllegalArgumentException e) {
                    return support.error(400, "invalid_request", "The sign-out URL is not a valid URI.", lang);
                }
            } else {
                AuthorizationRequest request = support.request(query);
                target = URI.create("/login?" + RedirectParameters.encode(request.parameters()));
                // A path, left relative: the browser resolves it against the address it used (see Browser.redirect).
            }
            // A session begun at an IdP whose provider signs out there too: on to the IdP, which sends the browser
            // back to where this sign-out was going.
            URI absolute = target.isAbsolute() ? target : URI.create(config.baseUrl() + target);
            return upstream.flatMap(u -> federated.signOutAt(u, absolute, lang))
                    .orElseGet(() -> support.browser().redirect(target, null));
        });
    }
}
