// Drives Amplify JS v6's Auth (aws-amplify), unchanged, through second factors against Gatehouse: only
// `userPoolEndpoint` is set (Amplify's sign-in reads the pool's MFA from the challenges, not from `Auth.Cognito.mfa`,
// which only its UI components use). IdentityJsMfaIT runs it and reads the one line of JSON it prints last; a failure
// prints {"error": name, "message": ...}.
//
//   node amplify-mfa.mjs <endpoint> <poolId> <clientId> totp <username> <password>
//   node amplify-mfa.mjs <endpoint> <poolId> <clientId> totp-setup <username> <password>
//   node amplify-mfa.mjs <endpoint> <poolId> <clientId> select-email <username> <password>
//   node amplify-mfa.mjs <endpoint> <poolId> <clientId> email-setup <username> <password> <email>
// (select-email and email-setup prompt for the e-mailed code; see support.mjs)
import { Amplify } from 'aws-amplify';
import {
  confirmSignIn, fetchAuthSession, fetchMFAPreference, getCurrentUser, setUpTOTP, signIn, signOut,
  updateMFAPreference, verifyTOTPSetup,
} from 'aws-amplify/auth';
import { prompt, totp, wrong } from './support.mjs';

const [endpoint, userPoolId, userPoolClientId, command, username, password, email] = process.argv.slice(2);
Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: endpoint } } });

const refused = (promise) => promise.then(() => 'accepted', (e) => e.name);

async function signedIn(result) {
  const user = await getCurrentUser();
  const session = await fetchAuthSession();
  return {
    signedIn: result.isSignedIn,
    nextStep: result.nextStep.signInStep,
    username: user.username,
    accessTokenUse: session.tokens.accessToken.payload.token_use,
  };
}

const commands = {
  // setUpTOTP, verifyTOTPSetup and updateMFAPreference by a signed-in user of a pool with MFA OPTIONAL; the next
  // signIn stops at CONFIRM_SIGN_IN_WITH_TOTP_CODE.
  totp: async () => {
    const first = await signIn({ username, password });
    const details = await setUpTOTP();
    const secret = details.sharedSecret;
    const wrongSetupCode = await refused(verifyTOTPSetup({ code: wrong(totp(secret)) }));
    await verifyTOTPSetup({ code: totp(secret), options: { friendlyDeviceName: 'node' } });
    await updateMFAPreference({ totp: 'PREFERRED' });
    const preference = await fetchMFAPreference();
    await signOut();

    const challenged = await signIn({ username, password });
    // The next step's code: the one the verification used is taken.
    const code = totp(secret, 1);
    const wrongCode = await refused(confirmSignIn({ challengeResponse: wrong(code) }));
    const done = await confirmSignIn({ challengeResponse: code });
    return {
      firstStep: first.nextStep.signInStep,
      secretLength: secret.length,
      wrongSetupCode,
      preferred: preference.preferred,
      enabled: preference.enabled,
      challengeStep: challenged.nextStep.signInStep,
      wrongCode,
      ...(await signedIn(done)),
    };
  },
  // A pool with MFA ON, a user with no second factor: signIn answers MFA_SETUP, Amplify calls AssociateSoftwareToken
  // with the Session itself and hands over the secret; confirmSignIn with a code verifies it and answers MFA_SETUP.
  'totp-setup': async () => {
    const challenged = await signIn({ username, password });
    const details = challenged.nextStep.totpSetupDetails;
    const secret = details.sharedSecret;
    const wrongCode = await refused(confirmSignIn({ challengeResponse: wrong(totp(secret)) }));
    const done = await confirmSignIn({ challengeResponse: totp(secret) });
    return {
      challengeStep: challenged.nextStep.signInStep,
      setupUri: details.getSetupUri('Gatehouse').toString(),
      secretLength: secret.length,
      wrongCode,
      ...(await signedIn(done)),
    };
  },
  // A user with two methods and no preferred one chooses (SELECT_MFA_TYPE), then answers the e-mailed code
  // (EMAIL_OTP), which the test reads from its mailbox.
  'select-email': async () => {
    const challenged = await signIn({ username, password });
    const chosen = await confirmSignIn({ challengeResponse: 'EMAIL' });
    const code = await prompt(chosen.nextStep.signInStep, chosen.nextStep.codeDeliveryDetails);
    const wrongCode = await refused(confirmSignIn({ challengeResponse: wrong(code) }));
    const done = await confirmSignIn({ challengeResponse: code });
    return {
      challengeStep: challenged.nextStep.signInStep,
      allowed: challenged.nextStep.allowedMFATypes,
      chosenStep: chosen.nextStep.signInStep,
      delivery: chosen.nextStep.codeDeliveryDetails,
      wrongCode,
      ...(await signedIn(done)),
    };
  },
  // A pool with MFA ON that allows authenticator apps and e-mail codes, a user with no second factor and no e-mail
  // address: signIn offers both to set up; the user picks e-mail, gives an address, and confirms the code sent there.
  'email-setup': async () => {
    const challenged = await signIn({ username, password });
    const picked = await confirmSignIn({ challengeResponse: 'EMAIL' });
    const sent = await confirmSignIn({ challengeResponse: email });
    const code = await prompt(sent.nextStep.signInStep, sent.nextStep.codeDeliveryDetails);
    const wrongCode = await refused(confirmSignIn({ challengeResponse: wrong(code) }));
    const done = await confirmSignIn({ challengeResponse: code });
    return {
      challengeStep: challenged.nextStep.signInStep,
      allowed: challenged.nextStep.allowedMFATypes,
      pickedStep: picked.nextStep.signInStep,
      sentStep: sent.nextStep.signInStep,
      delivery: sent.nextStep.codeDeliveryDetails,
      wrongCode,
      ...(await signedIn(done)),
    };
  },
};

try {
  const result = await commands[command]();
  await signOut();
  console.log(JSON.stringify(result));
} catch (e) {
  console.log(JSON.stringify({ error: e.name, message: e.message }));
  process.exitCode = 1;
}
