package io.gatehouse.engine.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user (SetUserMFAPreference, SetUserSettings) or an administrator (AdminSetUserMFAPreference,
 * AdminSetUserSettings) says of the user's second factors, checked as Cognito checks it, and how GetUser and
 * AdminGetUser show them.
 */
@ApplicationScoped
public class MfaSettings {

    /** The request members of SetUserMFAPreference, by the method each sets. */
    private static final Map<String, String> MEMBERS = new LinkedHashMap<>();

    static {
        MEMBERS.put("SoftwareTokenMfaSettings", PoolMfa.SOFTWARE_TOKEN_MFA);
        MEMBERS.put("SMSMfaSettings", PoolMfa.SMS_MFA);
        MEMBERS.put("EmailMfaSettings", PoolMfa.EMAIL_OTP);
    }

    @Inject
    UserMfa userMfa;

    /** The user's second factors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MfaPreferences of(UserPool pool, UserRecord user) {
        return new MfaPreferences(userMfa.of(pool.id(), user.sub()));
    }

    /**
     * Applies SetUserMFAPreference or AdminSetUserMFAPreference: each method the request names is turned on or
     * off, and made the preferred one or not; the methods it leaves out stay as they are.
     *
     * @throws ServiceException {@code InvalidParameterException} for a method the pool does not allow, an
     *                          authenticator not yet verified, no phone number or address to send codes to, or a
     *                          preferred method that is not turned on
     */
    @Transactional
    public void setPreference(UserPool pool, UserRecord user, JsonNode request) {
        if (request.has("WebAuthnMfaSettings")) {
            throw ServiceException.invalidParameter("Gatehouse does not support passkeys (WebAuthnMfaSettings) yet.");
        }
        MfaPreferences current = of(pool, user);
        String newlyPreferred = null;
        for (Map.Entry<String, String> member : MEMBERS.entrySet()) {
            JsonNode settings = request.path(member.getKey());
            if (settings.isMissingNode() || settings.isNull()) {
                continue;
            }
            String method = member.getValue();
            boolean enabled = settings.path("Enabled").asBoolean(false);
            boolean preferred = settings.path("PreferredMfa").asBoolean(false);
            if (preferred && !enabled) {
                throw ServiceException.invalidParameter("PreferredMfa can be true only where Enabled is true.");
            }
            if (enabled) {
                checkUsable(pool, user, current, method);
            }
            if (preferred) {
                newlyPreferred = method;
            }
            boolean keepsPreference = !preferred && enabled && current.preferred().filter(method::equals).isPresent();
            userMfa.preference(pool.id(), user.sub(), method, enabled, preferred || keepsPreference);
        }
        if (newlyPreferred != null) {
            for (MfaSetting other : current.settings()) {
                if (!other.method().equals(newlyPreferred) && other.preferred()) {
                    userMfa.preference(pool.id(), user.sub(), other.method(), other.enabled(), false);
                }
            }
        }
    }

    /**
     * Applies SetUserSettings or AdminSetUserSettings, Cognito's older call for SMS codes: an {@code MFAOptions}
     * entry for SMS turns SMS codes on, an empty list turns them off.
     */
    @Transactional
    public void setOptions(UserPool pool, UserRecord user, JsonNode mfaOptions) {
        boolean sms = false;
        for (JsonNode option : mfaOptions) {
            if (!"SMS".equals(option.path("DeliveryMedium").asText())
                    || !"phone_number".equals(option.path("AttributeName").asText("phone_number"))) {
                throw ServiceException.invalidParameter("Only SMS to phone_number can be set with MFAOptions; use "
                        + "SetUserMFAPreference for other methods.");
            }
            sms = true;
        }
        ObjectNode request = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        request.putObject("SMSMfaSettings").put("Enabled", sms)
                .put("PreferredMfa", sms && of(pool, user).preferred().filter(PoolMfa.SMS_MFA::equals).isPresent());
        setPreference(pool, user, request);
    }

    /** Adds the MFA members of GetUser and AdminGetUser to {@code response}. */
    public void describe(UserPool pool, UserRecord user, ObjectNode response) {
        MfaPreferences preferences = of(pool, user);
        if (preferences.enabled().contains(PoolMfa.SMS_MFA)) {
            response.putArray("MFAOptions").addObject().put("DeliveryMedium", "SMS")
                    .put("AttributeName", "phone_number");
        }
        preferences.preferred().ifPresent(method -> response.put("PreferredMfaSetting", method));
        if (!preferences.enabled().isEmpty()) {
            preferences.enabled().forEach(response.putArray("UserMFASettingList")::add);
        }
    }

    private static void checkUsable(UserPool pool, UserRecord user, MfaPreferences current, String method) {
        if (!PoolMfa.of(pool.settings()).methods().contains(method)) {
            throw ServiceException.invalidParameter(method + " is not enabled for this user pool.");
        }
        switch (method) {
            case PoolMfa.SOFTWARE_TOKEN_MFA -> {
                if (current.of(method).filter(MfaSetting::verified).isEmpty()) {
                    throw ServiceException.invalidParameter("User has not verified software token mfa");
                }
            }
            case PoolMfa.SMS_MFA -> requireAttribute(user, "phone_number", method);
            case PoolMfa.EMAIL_OTP -> requireAttribute(user, "email", method);
            default -> {
            }
        }
    }

    private static void requireAttribute(UserRecord user, String attribute, String method) {
        if (!user.attributes().containsKey(attribute)) {
            throw ServiceException.invalidParameter("User does not have delivery config set to turn on " + method);
        }
    }
}
