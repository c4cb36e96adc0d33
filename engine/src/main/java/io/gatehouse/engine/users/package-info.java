/**
 * Users of a pool: sign-up, sign-in, passwords, attributes, codes, and the directory's administration.
 *
 * <h2>The shape of a sign-in</h2>
 * A sign-in is a chain of steps, each a class of its own:
 * <ol>
 *   <li><b>First factor.</b> {@link io.gatehouse.engine.users.SignInService#initiate} takes InitiateAuth's flow:
 *       a password (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH) is checked at once, USER_SRP_AUTH opens the
 *       {@code PASSWORD_VERIFIER} challenge ({@link io.gatehouse.engine.users.SrpSignIn}).</li>
 *   <li><b>What follows.</b> Once the first factor is proven, {@link io.gatehouse.engine.users.SignInChain} says
 *       what comes next, in order: {@code NEW_PASSWORD_REQUIRED} for a temporary password
 *       ({@link io.gatehouse.engine.users.NewPasswordStep}), {@code DEVICE_SRP_AUTH} then
 *       {@code DEVICE_PASSWORD_VERIFIER} for a remembered device, then the tokens. Multi-factor steps join the
 *       chain there.</li>
 *   <li><b>Answers.</b> RespondToAuthChallenge finds the {@link io.gatehouse.engine.users.ChallengeStep} of the
 *       challenge's name in {@link io.gatehouse.engine.users.ChallengeSteps}; the step checks the answer against
 *       the session ({@link io.gatehouse.engine.auth.AuthSessions}: a database row, by the hash of the
 *       {@code Session} string, recording the pool, client, user and the one challenge it awaits) and asks the
 *       chain for the next step.</li>
 * </ol>
 * A step carries its own transaction: the SRP steps none around their exponentiations (the session is spent in a
 * transaction of its own, so each challenge allows one guess), the new-password step one around its writes.
 */
package io.gatehouse.engine.users;
