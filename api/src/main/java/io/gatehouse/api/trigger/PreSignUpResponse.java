package io.gatehouse.api.trigger;


/**
 * What a PreSignUp trigger decides.
 *
 * @param autoConfirmUser confirm the user without a code
 * @param autoVerifyEmail mark the e-mail address verified (needs autoConfirmUser for SignUp)
 * @param autoVerifyPhone mark the phone number verified
 */
public record PreSignUpResponse(boolean autoConfirmUser, boolean autoVerifyEmail, boolean autoVerifyPhone) {

    /** The sign-up goes on as if there were no trigger. */
    public static final PreSignUpResponse NONE = new PreSignUpResponse(false, false, false);
}
