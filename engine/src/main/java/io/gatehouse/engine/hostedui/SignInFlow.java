package io.gatehouse.engine.hostedui;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.oauth.AuthorizationCodes;
import io.gatehouse.engine.oauth.AuthorizationException;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.oauth.AuthorizationRequests;
import io.gatehouse.engine.oauth.RedirectParameters;
import io.gatehouse.engine.token.OAuthGrant;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.token.TokenSet;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * How an authorization request ends: with the browser's single sign-on session when it has one, else after a
 * sign-in on the pages; then a code (or, in the implicit flow, tokens) sent to the client's redirect URI.
 */
@ApplicationScoped
public class SignInFlow {

    @Inject
    HostedSessions sessions;

    @Inject
    SignInService signIns;

    @Inject
    UserPools pools;

    @Inject
    AuthorizationCodes codes;

    @Inject
    TokenService tokens;

    @Inject
    Clock clock;

    @Inject
    AuthorizationRequests requests;

    /** A user signed in: by this browser's session, or just now. */
    public record SignedIn(UserRecord user, long authTime) {
    }

    /** The cookie that holds a browser's session with one pool (each pool signs in on its own). */
    static String sessionCookie(String userPoolId) {
        return "gatehouse_session_" + userPoolId;
    }

    /** The user this browser is signed in as in the request's pool, if the session is live and they still may. */
    public Optional<SignedIn> current(Browser browser, AuthorizationRequest request) {
        String poolId = request.client().userPoolId();
        return sessions.find(poolId, browser.cookie(sessionCookie(poolId))).flatMap(session ->
                signIns.stillSignedIn(pools.get(poolId), session.sub())
                        .map(user -> new SignedIn(user, session.authTime())));
    }

    /**
     * Starts a session for a user who just signed in on the pages, and finishes the request. The pool's
     * PostAuthentication trigger sees the sign-in first.
     *
     * @throws io.gatehouse.engine.error.ServiceException the trigger's error, with no session started
     */
    @Transactional
    public Response signedIn(Browser browser, AuthorizationRequest request, UserRecord user) {
        signIns.signedInOnPage(request.client(), user);
        return signedIn(browser, request, user, Optional.empty());
    }

    /**
     * Starts a session for a user who just signed in, at an external IdP when {@code upstream} says which, and
     * finishes the request.
     */
    @Transactional
    public Response signedIn(Browser browser, AuthorizationRequest request, UserRecord user,
                             Optional<HostedSessions.Upstream> upstream) {
        long authTime = clock.instant().getEpochSecond();
        String poolId = request.client().userPoolId();
        String previous = browser.cookie(sessionCookie(poolId));
        // A new sign-in gets a new session id, so an id planted in the browser before it is worthless.
        sessions.end(previous);
        String id = upstream.isPresent() ? sessions.open(poolId, user.sub(), authTime, upstream.get())
                : sessions.open(poolId, user.sub(), authTime);
        browser.setCookie(sessionCookie(poolId), id, HostedSessions.VALIDITY.toSeconds(), "Lax");
        return finish(browser, request, new SignedIn(user, authTime));
    }

    /** Sends the code, or the implicit flow's tokens, to the client. */
    @Transactional
    public Response finish(Browser browser, AuthorizationRequest request, SignedIn signedIn) {
        OAuthGrant grant = new OAuthGrant(request.scopes(), request.nonce(), signedIn.authTime());
        RedirectParameters parameters = new RedirectParameters();
        if (request.implicit()) {
            UserPool pool = pools.get(request.client().userPoolId());
            TokenSet issued = tokens.issueImplicit(pool, request.client(), signedIn.user(), grant);
            parameters.add("id_token", issued.idToken()).add("access_token", issued.accessToken())
                    .add("token_type", "Bearer").add("expires_in", String.valueOf(issued.expiresInSeconds()));
        } else {
            parameters.add("code", codes.issue(request, signedIn.user().sub(), signedIn.authTime()));
        }
        // RFC 9207: the issuer in the answer, so a client talking to several servers can tell a mixed-up answer.
        parameters.add("state", request.state()).add("iss", requests.issuer(request.client().userPoolId()));
        URI location = parameters.appendTo(request.redirectUri(), request.implicit());
        return browser.redirect(location, request.redirectUri());
    }

    /** A refused request: back to the client when its redirect URI is trusted, else an error page. */
    public Response refuse(Browser browser, Pages pages, AuthorizationException e, String lang) {
        if (e.redirects()) {
            URI location = e.location();
            return browser.redirect(location, location);
        }
        return ErrorPage.render(browser, pages, 400, e.error(), e.getMessage(), lang);
    }
}
