package io.gatehouse.engine.users;

import io.gatehouse.api.trigger.PreSignUpEvent;
import io.gatehouse.api.trigger.PreSignUpResponse;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.trigger.ConfiguredTrigger;
import io.gatehouse.engine.trigger.Triggers;
import io.gatehouse.engine.trigger.calls.PreSignUpCall;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * The PreSignUp trigger, wherever a user is about to be made: SignUp ({@code PreSignUp_SignUp}), AdminCreateUser
 * ({@code PreSignUp_AdminCreateUser}) and the first sign-in of a federated user ({@code PreSignUp_ExternalProvider}).
 * Callers run it after their own checks and before they write anything, so a refusal leaves nothing.
 */
@ApplicationScoped
public class PreSignUps {

    /** The trigger sources. */
    public static final String SIGN_UP = "PreSignUp_SignUp";
    public static final String ADMIN_CREATE_USER = "PreSignUp_AdminCreateUser";
    public static final String EXTERNAL_PROVIDER = "PreSignUp_ExternalProvider";

    @Inject
    Triggers triggers;

    /**
     * Runs the pool's PreSignUp trigger, if it has one, on the attributes the user is to have, and applies its
     * verification flags to them. Without a trigger the sign-up goes on as it was. Whether {@code autoConfirmUser}
     * means anything is the caller's to say: only SignUp makes users who await confirmation.
     *
     * @param attributes the attributes to create the user with; the trigger's verified flags are added here
     * @throws ServiceException the trigger's error, or {@code InvalidLambdaResponseException} when it verifies an
     *                          address or phone the user does not have
     */
    public PreSignUpResponse run(UserPool pool, String triggerSource, String username, Optional<String> clientId,
                                 Map<String, String> attributes, Map<String, String> validationData,
                                 Map<String, String> clientMetadata) {
        Optional<ConfiguredTrigger> trigger = triggers.configured(pool, TriggerKind.PRE_SIGN_UP);
        if (trigger.isEmpty()) {
            return PreSignUpResponse.NONE;
        }
        PreSignUpResponse decided = triggers.run(pool, trigger.get(), PreSignUpCall.INSTANCE, new PreSignUpEvent(
                triggers.context(pool, trigger.get(), triggerSource, username, clientId),
                attributes, validationData, clientMetadata)).orElse(PreSignUpResponse.NONE);
        verify(attributes, "email", decided.autoVerifyEmail());
        verify(attributes, "phone_number", decided.autoVerifyPhone());
        return decided;
    }

    private static void verify(Map<String, String> attributes, String attribute, boolean verified) {
        if (!verified) {
            return;
        }
        if (!attributes.containsKey(attribute)) {
            throw new ServiceException("InvalidLambdaResponseException", "PreSignUp verified " + attribute
                    + ", which the user does not have.");
        }
        attributes.put(attribute + "_verified", "true");
    }
}
