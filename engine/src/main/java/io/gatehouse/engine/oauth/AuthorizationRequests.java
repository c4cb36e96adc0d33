package io.gatehouse.engine.oauth;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.IdentityProviders;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.resourceservers.OAuthScopes;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPoolClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks authorization requests, in RFC 6749's order: first the client and its redirect URI, whose failure is shown
 * to the user (an unregistered redirect URI is never redirected to), then everything else, whose failure goes back
 * to the client.
 */
@ApplicationScoped
public class AuthorizationRequests {

    /** The parameters an authorization request is made of, carried from page to page of the sign-in. */
    static final List<String> PARAMETERS = List.of("client_id", "response_type", "redirect_uri", "scope", "state",
            "nonce", "code_challenge", "code_challenge_method", "prompt", "login_hint", "identity_provider",
            "idp_identifier", "lang");

    /** RFC 7636 4.2: an S256 challenge is the base64url SHA-256 of the verifier, 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** The identity provider of the pool's own users (Cognito's name for it). */
    private static final String COGNITO = "COGNITO";
    private static final Set<String> OIDC_ONLY_SCOPES = Set.of("email", "phone", "profile");
    private static final int MAX_PARAMETER = 2048;
    /** The nonce is stored with the code, in a column this wide. */
    private static final int MAX_NONCE = 1024;

    @Inject
    UserPoolClients clients;

    @Inject
    OAuthScopes oauthScopes;

    @Inject
    GatehouseConfig config;

    @Inject
    IdentityProviders identityProviders;

    /** A pool's issuer, as its tokens and discovery document name it. */
    public String issuer(String userPoolId) {
        return config.baseUrl() + "/" + userPoolId;
    }

    /**
     * @param query       the request's parameters, each a list as the container read them
     * @param clientCheck a check of the client that runs before its redirect URI is trusted (the pool's domain)
     * @throws AuthorizationException what is wrong, shown or redirected
     */
    public AuthorizationRequest parse(Map<String, List<String>> query, Consumer<UserPoolClient> clientCheck) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            List<String> values = query.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1 || values.get(0).length() > MAX_PARAMETER) {
                // Before the redirect URI is trusted, a malformed request can only be shown (RFC 6749 3.1).
                throw AuthorizationException.shown("invalid_request", name + " is repeated or too long.");
            }
            parameters.put(name, values.get(0));
        }
        UserPoolClient client = client(parameters.get("client_id"));
        clientCheck.accept(client);
        URI redirectUri = redirectUri(client, parameters.get("redirect_uri"));
        String state = parameters.get("state");
        String responseType = parameters.get("response_type");
        boolean fragment = "token".equals(responseType);
        Refusal refuse = (error, description) ->
                AuthorizationException.redirected(error, description, redirectUri, state,
                        issuer(client.userPoolId()), fragment);

        Set<String> flows = allowedFlows(client);
        if (responseType == null) {
            throw refuse.with("invalid_request", "response_type is required.");
        }
        if (!responseType.equals("code") && !responseType.equals("token")) {
            throw refuse.with("unsupported_response_type", "response_type must be code or token.");
        }
        if (!flows.contains(responseType.equals("code") ? "code" : "implicit")) {
            throw refuse.with("unauthorized_client", "The client is not allowed the "
                    + (responseType.equals("code") ? "authorization code" : "implicit") + " flow.");
        }
        Optional<String> provider = identityProvider(client, parameters, refuse);
        if (provider.isEmpty() && !client.listSetting("SupportedIdentityProviders").contains(COGNITO)) {
            throw refuse.with("unauthorized_client", "The client does not support the user pool's own sign-in "
                    + "(COGNITO is not among its SupportedIdentityProviders).");
        }
        if (parameters.getOrDefault("nonce", "").length() > MAX_NONCE) {
            throw refuse.with("invalid_request", "nonce is longer than " + MAX_NONCE + " characters.");
        }
        List<String> scopes = scopes(client, parameters.get("scope"), refuse);
        String codeChallenge = codeChallenge(client, responseType, parameters, refuse);
        String prompt = prompt(parameters.get("prompt"), refuse);
        return new AuthorizationRequest(client, responseType, redirectUri, scopes, state, parameters.get("nonce"),
                codeChallenge, prompt, parameters.get("login_hint"), parameters, provider);
    }

    /**
     * The external IdP the request names: by {@code identity_provider}, its name, or {@code idp_identifier}, one of
     * its identifiers (or the domain of an e-mail address, as the hosted page's field sends it). It must be one of
     * the client's SupportedIdentityProviders. Empty for {@code COGNITO} or when none is named.
     */
    private Optional<String> identityProvider(UserPoolClient client, Map<String, String> parameters,
                                              Refusal refuse) {
        String name = parameters.get("identity_provider");
        String identifier = parameters.get("idp_identifier");
        if (name == null && identifier != null) {
            String wanted = identifier.contains("@") ? identifier.substring(identifier.lastIndexOf('@') + 1)
                    : identifier;
            name = identityProviders.byIdentifier(client.userPoolId(), wanted).map(PoolIdentityProvider::providerName)
                    .orElseThrow(() -> refuse.with("invalid_request", "No identity provider of this user pool has "
                            + "the identifier " + wanted + "."));
        }
        if (name == null || name.equals(COGNITO)) {
            return Optional.empty();
        }
        if (!client.listSetting("SupportedIdentityProviders").contains(name)
                || identityProviders.find(client.userPoolId(), name).isEmpty()) {
            throw refuse.with("invalid_request", "Identity provider " + name + " is not configured for this "
                    + "client.");
        }
        return Optional.of(name);
    }

    @FunctionalInterface
    private interface Refusal {
        AuthorizationException with(String error, String description);
    }

    private UserPoolClient client(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            throw AuthorizationException.shown("invalid_request", "client_id is required.");
        }
        try {
            return clients.byClientId(clientId);
        } catch (ServiceException e) {
            throw AuthorizationException.shown("invalid_client", "Client " + clientId + " does not exist.");
        }
    }

    /**
     * The redirect URI, which must be one of the client's CallbackURLs character for character; without one, the
     * client's DefaultRedirectURI, as in Cognito.
     */
    private static URI redirectUri(UserPoolClient client, String redirectUri) {
        if (redirectUri == null || redirectUri.isEmpty()) {
            String fallback = client.settings().path("DefaultRedirectURI").asText("");
            if (fallback.isEmpty()) {
                throw AuthorizationException.shown("invalid_request", "redirect_uri is required.");
            }
            return parsed(fallback);
        }
        if (!client.listSetting("CallbackURLs").contains(redirectUri)) {
            throw AuthorizationException.shown("redirect_mismatch", "redirect_uri is not one of the client's "
                    + "callback URLs.");
        }
        return parsed(redirectUri);
    }

    /** A registered URL (saved before URLs were checked when clients are saved, it may not parse). */
    private static URI parsed(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw AuthorizationException.shown("invalid_client", "The client's callback URL is not a valid URI.");
        }
    }

    /** The scopes asked for, each allowed and still defined; all the client is allowed when none is named. */
    private List<String> scopes(UserPoolClient client, String scope, Refusal refuse) {
        Set<String> allowed = oauthScopes.grantable(client);
        Set<String> asked = scope == null || scope.isBlank() ? allowed
                : new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
        if (asked.isEmpty() || !allowed.containsAll(asked)) {
            throw refuse.with("invalid_scope", "The scopes must be among those the client is allowed.");
        }
        if (!asked.contains("openid") && asked.stream().anyMatch(OIDC_ONLY_SCOPES::contains)) {
            throw refuse.with("invalid_scope", "The email, phone and profile scopes come only with openid.");
        }
        return new ArrayList<>(asked);
    }

    /**
     * The PKCE challenge: S256 only (plain would show the verifier to whoever sees the request), and required of
     * public clients in the code flow, which have no secret to bind the code to.
     */
    private static String codeChallenge(UserPoolClient client, String responseType, Map<String, String> parameters,
                                        Refusal refuse) {
        String challenge = parameters.get("code_challenge");
        String method = parameters.get("code_challenge_method");
        if (challenge == null) {
            if (method != null) {
                throw refuse.with("invalid_request", "code_challenge_method without code_challenge.");
            }
            if (responseType.equals("code") && client.clientSecret().isEmpty()) {
                throw refuse.with("invalid_request", "A public client must use PKCE: code_challenge is required.");
            }
            return null;
        }
        if (!"S256".equals(method)) {
            throw refuse.with("invalid_request", "code_challenge_method must be S256.");
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            throw refuse.with("invalid_request", "code_challenge is not an S256 challenge.");
        }
        return responseType.equals("code") ? challenge : null;
    }

    /** {@code login} (authenticate again) or {@code none} (no page may be shown); others are accepted and ignored. */
    private static String prompt(String prompt, Refusal refuse) {
        if (prompt == null) {
            return null;
        }
        List<String> values = Arrays.asList(prompt.trim().split(" +"));
        if (values.contains("none")) {
            if (values.size() > 1) {
                throw refuse.with("invalid_request", "prompt=none cannot be combined with other values.");
            }
            return "none";
        }
        return values.contains("login") ? "login" : null;
    }

    /** The OAuth flows a client is allowed: none unless AllowedOAuthFlowsUserPoolClient is on. */
    static Set<String> allowedFlows(UserPoolClient client) {
        return client.settings().path("AllowedOAuthFlowsUserPoolClient").asBoolean(false)
                ? client.listSetting("AllowedOAuthFlows") : Set.of();
    }
}
