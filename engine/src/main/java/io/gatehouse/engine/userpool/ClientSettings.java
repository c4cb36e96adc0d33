package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.gatehouse.engine.userpool.PoolSettings.objectAt;
import static io.gatehouse.engine.userpool.PoolSettings.putIfAbsent;

/**
 * Turns CreateUserPoolClient and UpdateUserPoolClient requests into a client's stored settings: Cognito's
 * defaults, and the rules across members that the service model cannot express.
 */
final class ClientSettings {

    private static final Set<String> NOT_SETTINGS =
            Set.of("UserPoolId", "ClientId", "ClientName", "GenerateSecret", "ClientSecret");
    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");

    /** One token kind: its validity member, its unit member, its default unit and its allowed range. */
    private record TokenValidity(String member, String unitMember, String defaultUnit, Duration min, Duration max) {
    }

    private static final List<TokenValidity> TOKENS = List.of(
            new TokenValidity("AccessTokenValidity", "AccessToken", "hours", Duration.ofMinutes(5), Duration.ofDays(1)),
            new TokenValidity("IdTokenValidity", "IdToken", "hours", Duration.ofMinutes(5), Duration.ofDays(1)),
            new TokenValidity("RefreshTokenValidity", "RefreshToken", "days", Duration.ofMinutes(60),
                    Duration.ofDays(3650)));

    private ClientSettings() {
    }

    /**
     * The settings from a validated create or update request. An update replaces the whole configuration, as in
     * Cognito: what it leaves out returns to the default.
     *
     * @param request          the request
     * @param poolSettings     the pool's settings, for its schema
     * @param confidential     whether the client has a secret
     */
    static ObjectNode from(ObjectNode request, ObjectNode poolSettings, boolean confidential) {
        ObjectNode settings = request.deepCopy();
        settings.remove(NOT_SETTINGS);
        tokenValidities(settings);
        if (!settings.has("ExplicitAuthFlows")) {
            settings.putArray("ExplicitAuthFlows")
                    .add("ALLOW_REFRESH_TOKEN_AUTH").add("ALLOW_USER_SRP_AUTH").add("ALLOW_CUSTOM_AUTH");
        }
        checkAuthFlows(settings.get("ExplicitAuthFlows"));
        putIfAbsent(settings, "PreventUserExistenceErrors", "ENABLED");
        putIfAbsent(settings, "EnableTokenRevocation", true);
        putIfAbsent(settings, "EnablePropagateAdditionalUserContextData", false);
        if (settings.get("EnablePropagateAdditionalUserContextData").asBoolean() && !confidential) {
            // The address an app reports is believed only from an app that proves itself with its secret.
            throw ServiceException.invalidParameter("EnablePropagateAdditionalUserContextData can be enabled only"
                    + " for an app client that has a client secret.");
        }
        putIfAbsent(settings, "AuthSessionValidity", 3);
        putIfAbsent(settings, "AllowedOAuthFlowsUserPoolClient", false);
        checkAttributes(settings, poolSettings);
        checkOAuth(settings, confidential);
        return settings;
    }

    private static void tokenValidities(ObjectNode settings) {
        ObjectNode units = objectAt(settings, "TokenValidityUnits");
        for (TokenValidity token : TOKENS) {
            boolean hasValue = settings.has(token.member());
            boolean hasUnit = units.has(token.unitMember());
            if (!hasValue && !hasUnit) {
                // Cognito's defaults: one hour for access and ID tokens, 30 days for refresh tokens.
                boolean refresh = "RefreshToken".equals(token.unitMember());
                settings.put(token.member(), refresh ? 30 : 60);
                units.put(token.unitMember(), refresh ? "days" : "minutes");
            } else if (!hasUnit) {
                units.put(token.unitMember(), token.defaultUnit());
            } else if (!hasValue) {
                Duration fallback = "RefreshToken".equals(token.unitMember()) ? Duration.ofDays(30)
                        : Duration.ofHours(1);
                long inUnit = fallback.getSeconds() / unit(units.get(token.unitMember()).asText()).getSeconds();
                settings.put(token.member(), Math.max(1, inUnit));
            }
            Duration validity = unit(units.get(token.unitMember()).asText())
                    .multipliedBy(settings.get(token.member()).asLong());
            if (validity.compareTo(token.min()) < 0 || validity.compareTo(token.max()) > 0) {
                throw ServiceException.invalidParameter(token.member() + " must be between " + describe(token.min())
                        + " and " + describe(token.max()) + "; " + settings.get(token.member()).asLong() + " "
                        + units.get(token.unitMember()).asText() + " is not.");
            }
        }
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "seconds" -> Duration.ofSeconds(1);
            case "minutes" -> Duration.ofMinutes(1);
            case "hours" -> Duration.ofHours(1);
            case "days" -> Duration.ofDays(1);
            default -> throw ServiceException.invalidParameter("Unknown time unit " + unit);
        };
    }

    private static String describe(Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
        }
        return d.toMinutes() + " minutes";
    }

    private static void checkAuthFlows(JsonNode flows) {
        boolean legacy = false;
        boolean current = false;
        for (JsonNode flow : flows) {
            legacy |= LEGACY_FLOWS.contains(flow.asText());
            current |= flow.asText().startsWith("ALLOW_");
        }
        if (legacy && current) {
            throw ServiceException.invalidParameter("ExplicitAuthFlows cannot mix the legacy values "
                    + "ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH with ALLOW_ values.");
        }
    }

    private static void checkAttributes(ObjectNode settings, ObjectNode poolSettings) {
        Set<String> known = new HashSet<>();
        Set<String> immutable = new HashSet<>();
        for (JsonNode attribute : poolSettings.path("SchemaAttributes")) {
            known.add(attribute.path("Name").asText());
            if (!attribute.path("Mutable").asBoolean(true)) {
                immutable.add(attribute.path("Name").asText());
            }
        }
        for (String member : List.of("ReadAttributes", "WriteAttributes")) {
            for (JsonNode attribute : settings.path(member)) {
                if (!known.contains(attribute.asText())) {
                    throw ServiceException.invalidParameter("Invalid " + (member.startsWith("Read") ? "read" : "write")
                            + " attributes specified while creating a client: " + attribute.asText()
                            + " is not in the user pool's schema.");
                }
            }
        }
        for (JsonNode attribute : settings.path("WriteAttributes")) {
            if (immutable.contains(attribute.asText())) {
                throw ServiceException.invalidParameter("Invalid write attributes specified while creating a "
                        + "client: " + attribute.asText() + " is immutable.");
            }
        }
    }

    private static void checkOAuth(ObjectNode settings, boolean confidential) {
        Set<String> flows = new HashSet<>();
        settings.path("AllowedOAuthFlows").forEach(f -> flows.add(f.asText()));
        Set<String> callbacks = new HashSet<>();
        settings.path("CallbackURLs").forEach(u -> callbacks.add(u.asText()));
        if (flows.contains("client_credentials") && (flows.contains("code") || flows.contains("implicit"))) {
            throw ServiceException.invalidParameter(
                    "client_credentials flow can not be selected along with code flow or implicit flow.");
        }
        if (flows.contains("client_credentials") && !confidential) {
            throw ServiceException.invalidParameter(
                    "client_credentials flow can not be selected if client does not have a client secret.");
        }
        if (settings.path("AllowedOAuthFlowsUserPoolClient").asBoolean(false)
                && (flows.isEmpty() || settings.path("AllowedOAuthScopes").isEmpty())) {
            throw ServiceException.invalidParameter("AllowedOAuthFlows and AllowedOAuthScopes are required when "
                    + "AllowedOAuthFlowsUserPoolClient is true.");
        }
        settings.path("CallbackURLs").forEach(u -> RedirectUris.check("CallbackURLs", u.asText()));
        settings.path("LogoutURLs").forEach(u -> RedirectUris.check("LogoutURLs", u.asText()));
        if ((flows.contains("code") || flows.contains("implicit")) && callbacks.isEmpty()) {
            throw ServiceException.invalidParameter("CallbackURLs are required for the code and implicit flows.");
        }
        if (settings.has("DefaultRedirectURI") && !callbacks.contains(settings.get("DefaultRedirectURI").asText())) {
            throw ServiceException.invalidParameter("DefaultRedirectURI must be one of the CallbackURLs.");
        }
    }
}
