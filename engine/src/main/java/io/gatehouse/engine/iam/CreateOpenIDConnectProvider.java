package io.gatehouse.engine.iam;

import io.gatehouse.engine.query.QueryForms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateOpenIDConnectProvider: registers an IdP by its issuer URL, with the client ids its tokens may be for (at least
 * one, unlike IAM, since identity pools check the audience against them) and optional thumbprints. The URL is
 * https, as IAM requires; plain http is taken only for a loopback host, so that an IdP on the same machine can be
 * tried out, never for one elsewhere.
 */
@ApplicationScoped
public class CreateOpenIDConnectProvider extends IamAction {

    private static final Pattern THUMBPRINT = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Inject
    OidcProviders providers;

    @Override
    public String name() {
        return "CreateOpenIDConnectProvider";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        String url = url(required(form, "Url"));
        List<String> clientIds = QueryForms.members(form, "ClientIDList");
        if (clientIds.isEmpty() || clientIds.size() > 100
                || clientIds.stream().anyMatch(c -> c.isEmpty() || c.length() > 255)) {
            throw invalid("ClientIDList must hold 1 to 100 client ids of 1 to 255 characters: identity pools take"
                    + " a provider's tokens only for the audiences listed.");
        }
        List<String> thumbprints = QueryForms.members(form, "ThumbprintList");
        if (thumbprints.size() > 5 || thumbprints.stream().anyMatch(t -> !THUMBPRINT.matcher(t).matches())) {
            throw invalid("ThumbprintList holds at most 5 thumbprints of 40 hexadecimal characters.");
        }
        return Map.of("OpenIDConnectProviderArn", providers.create(url, clientIds, thumbprints).arn());
    }

    /** The issuer URL as IAM takes it: https (http on a loopback host), no query or fragment, no trailing slash. */
    private static String url(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("Url is not a URL.");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean loopbackHttp = "http".equals(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost());
        if (text.length() > 255 || !(https || loopbackHttp) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw invalid("Url must be an https URL of at most 255 characters, without query or fragment.");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
