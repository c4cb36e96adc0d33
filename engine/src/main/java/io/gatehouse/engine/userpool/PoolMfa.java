package io.gatehouse.engine.userpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A pool's multi-factor settings: whether MFA is off, optional (for users who chose a method) or on (for
 * everyone), and which methods it allows, kept in the pool's settings under the members of Cognito's
 * SetUserPoolMfaConfig. CreateUserPool and UpdateUserPool only know {@code MfaConfiguration} and the SMS message,
 * so turning MFA on there allows SMS codes, as Cognito does; the other methods are set with SetUserPoolMfaConfig
 * and outlive an UpdateUserPool.
 *
 * @param mode     {@code OFF}, {@code OPTIONAL} or {@code ON}
 * @param sms      the {@code SmsMfaConfigType}, or a missing node when SMS codes are not allowed
 * @param totp     whether authenticator apps (SOFTWARE_TOKEN_MFA) are allowed
 * @param email    the {@code EmailMfaConfigType}, or a missing node when e-mailed codes are not allowed
 */
public record PoolMfa(String mode, JsonNode sms, boolean totp, JsonNode email) {

    public static final String SMS_MFA = MfaMethod.SMS_MFA;
    public static final String SOFTWARE_TOKEN_MFA = MfaMethod.SOFTWARE_TOKEN_MFA;
    public static final String EMAIL_OTP = MfaMethod.EMAIL_OTP;

    /** The settings members that hold the methods: not members of Cognito's UserPoolType. */
    static final List<String> METHOD_MEMBERS = List.of("SmsMfaConfiguration", "SoftwareTokenMfaConfiguration",
            "EmailMfaConfiguration");

    /** The pool's MFA settings. */
    public static PoolMfa of(JsonNode settings) {
        return new PoolMfa(settings.path("MfaConfiguration").asText("OFF"), settings.path("SmsMfaConfiguration"),
                settings.path("SoftwareTokenMfaConfiguration").path("Enabled").asBoolean(false),
                settings.path("EmailMfaConfiguration"));
    }

    /** Whether a sign-in may ask for a second factor at all. */
    public boolean active() {
        return !"OFF".equals(mode);
    }

    /** Whether every user must pass a second factor. */
    public boolean required() {
        return "ON".equals(mode);
    }

    /** The methods the pool allows, by Cognito's names, in Cognito's order of preference. */
    public Set<String> methods() {
        Set<String> methods = new LinkedHashSet<>();
        if (totp) {
            methods.add(SOFTWARE_TOKEN_MFA);
        }
        if (!sms.isMissingNode()) {
            methods.add(SMS_MFA);
        }
        if (!email.isMissingNode()) {
            methods.add(EMAIL_OTP);
        }
        return methods;
    }

    /** GetUserPoolMfaConfig's and SetUserPoolMfaConfig's answer. */
    public ObjectNode describe() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (!sms.isMissingNode()) {
            out.set("SmsMfaConfiguration", sms.deepCopy());
        }
        out.putObject("SoftwareTokenMfaConfiguration").put("Enabled", totp);
        if (!email.isMissingNode()) {
            out.set("EmailMfaConfiguration", email.deepCopy());
        }
        out.put("MfaConfiguration", mode);
        return out;
    }

    /**
     * The settings after a validated SetUserPoolMfaConfig: a method the request leaves out is no longer allowed,
     * and {@code MfaConfiguration}, when left out, stays as it was.
     */
    static ObjectNode set(JsonNode current, JsonNode request) {
        if (request.has("WebAuthnConfiguration")) {
            throw ServiceException.invalidParameter("Gatehouse does not support passkeys (WebAuthnConfiguration) yet.");
        }
        ObjectNode settings = current.deepCopy();
        METHOD_MEMBERS.forEach(settings::remove);
        for (String member : METHOD_MEMBERS) {
            if (request.has(member) && !(member.startsWith("Software")
                    && !request.get(member).path("Enabled").asBoolean(false))) {
                settings.set(member, request.get(member).deepCopy());
            }
        }
        if (request.has("MfaConfiguration")) {
            settings.put("MfaConfiguration", request.get("MfaConfiguration").asText());
        }
        check(settings);
        return settings;
    }

    /**
     * MFA as CreateUserPool or UpdateUserPool leaves it: the methods of the pool before (none for a new pool), and
     * SMS codes allowed where {@code MfaConfiguration} turns MFA on with no method allowed, with the request's
     * {@code SmsAuthenticationMessage}, as Cognito does.
     */
    static void applyPoolRequest(ObjectNode settings, JsonNode before) {
        for (String member : METHOD_MEMBERS) {
            if (before.has(member)) {
                settings.set(member, before.get(member).deepCopy());
            }
        }
        PoolMfa mfa = of(settings);
        if (mfa.active() && mfa.methods().isEmpty()) {
            ObjectNode sms = settings.putObject("SmsMfaConfiguration");
            if (settings.has("SmsAuthenticationMessage")) {
                sms.put("SmsAuthenticationMessage", settings.get("SmsAuthenticationMessage").asText());
            }
            if (settings.has("SmsConfiguration")) {
                sms.set("SmsConfiguration", settings.get("SmsConfiguration").deepCopy());
            }
        }
        check(settings);
    }

    /** The pool's settings as Cognito's UserPoolType shows them: without the method members it does not have. */
    public static ObjectNode withoutMethods(ObjectNode settings) {
        METHOD_MEMBERS.forEach(settings::remove);
        return settings;
    }

    private static void check(JsonNode settings) {
        PoolMfa mfa = of(settings);
        if (mfa.active() && mfa.methods().isEmpty()) {
            throw ServiceException.invalidParameter("Invalid MFA configuration given, can't turn off all MFAs with "
                    + "OPTIONAL or ON MFA configuration");
        }
    }
}
