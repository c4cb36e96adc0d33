/**
 * The {@code mfa-method} family: second factors for sign-in, one provider per factor. The built-in methods are
 * {@code totp} ({@code SOFTWARE_TOKEN_MFA}), {@code sms} ({@code SMS_MFA}) and {@code email} ({@code EMAIL_OTP});
 * a third party adds a factor by shipping an {@link io.gatehouse.api.mfa.MfaMethodFactory}.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li><b>Enrolment</b>, for methods that {@linkplain io.gatehouse.api.mfa.MfaMethod#needsEnrolment() need it}
 *       (Cognito's AssociateSoftwareToken and VerifySoftwareToken):
 *       {@link io.gatehouse.api.mfa.MfaMethod#startEnrolment startEnrolment} makes what the user sets up and a
 *       sealed pending state; {@link io.gatehouse.api.mfa.MfaMethod#completeEnrolment completeEnrolment} checks the
 *       user's first answer and returns the enrolment state.</li>
 *   <li><b>Challenge</b>, at each sign-in that needs the factor:
 *       {@link io.gatehouse.api.mfa.MfaMethod#issue issue} makes a challenge (and sends a code, for methods that
 *       send one) and returns a sealed challenge state with Cognito's challenge parameters.</li>
 *   <li><b>Answer</b> (RespondToAuthChallenge): {@link io.gatehouse.api.mfa.MfaMethod#verify verify} says
 *       VALID, WRONG or EXPIRED, and may return an updated enrolment state.</li>
 * </ol>
 *
 * <h2>Who keeps what</h2>
 * Methods are stateless and keep nothing between calls. The engine stores every state a method returns, as an
 * opaque string, and hands it back unchanged:
 * <ul>
 *   <li>the <b>pending enrolment state</b> until the user's first answer;</li>
 *   <li>the <b>enrolment state</b> with the user, per method, replaced whenever a verification returns an
 *       updated one (in the same transaction that accepts the answer, so two concurrent answers cannot both
 *       pass);</li>
 *   <li>the <b>challenge state</b> server-side with the sign-in session, discarded after a VALID answer or when
 *       the session ends, so that each challenge is answered at most once.</li>
 * </ul>
 * Every state is sealed with the engine's {@link io.gatehouse.api.mfa.SecretSealer} and bound to the pool, the user
 * and its purpose: a database copy or a session string reveals no secret and no code, and a state altered or moved
 * to another user is refused with {@link io.gatehouse.api.mfa.MfaStateException}. A method that seals its
 * enrolment state returns a freshly sealed one with each VALID answer, so enrolments move to a new data key as
 * their users sign in.
 *
 * <h2>Limits are the engine's</h2>
 * A method checks one answer at a time and counts nothing. The engine limits wrong answers (per session and per
 * user), how often a code may be resent and how many challenges a user may be issued, and answers Cognito's errors
 * ({@code CodeMismatchException}, {@code ExpiredCodeException}, {@code TooManyFailedAttemptsException},
 * {@code LimitExceededException}). It also marks a phone number or e-mail address verified after the first VALID
 * answer of a method that {@linkplain io.gatehouse.api.mfa.MfaMethod#deliveryAttribute() sends codes to it}.
 *
 * <h2>Secrets</h2>
 * No state holds a clear secret or code; codes travel in messages marked secret
 * ({@link io.gatehouse.api.message.OutboundMessage#secrets()}); no value type's {@code toString()} shows a state,
 * a secret or a user's address.
 *
 * <h2>Versioning</h2>
 * The family was added in provider API 1.2. Within major version 1 it only grows: new methods on these interfaces
 * come with defaults, and new record components come with the old constructors kept. State strings belong to the
 * method that made them: a method's new version must still open the states its earlier versions sealed (each
 * built-in method starts its plain state with a version tag for that).
 *
 * <p>The contract every method keeps is {@code io.gatehouse.api.testing.MfaMethodContract} in the api test-jar;
 * a provider's test extends it.
 */
package io.gatehouse.api.mfa;
