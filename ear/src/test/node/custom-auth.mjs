// CUSTOM_AUTH with amazon-cognito-identity-js, unchanged but for its `endpoint`, against challenges a webhook defines
// (IdentityJsCustomAuthIT plays the three triggers). Prints one line of JSON; a code the test sent out of band is
// asked for with a {"prompt": ...} line (see support.mjs).
//
//   node custom-auth.mjs <endpoint> <poolId> <clientId> passwordless <username>
//   node custom-auth.mjs <endpoint> <poolId> <clientId> with-password <username> <password>
import identity from 'amazon-cognito-identity-js';
import { prompt } from './support.mjs';

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = identity;
const [endpoint, userPoolId, clientId, command, ...args] = process.argv.slice(2);
const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint });

const payload = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

/** The library's callbacks as a promise: {challenge: parameters} for a custom challenge, {session} when signed in. */
const outcome = (resolve, reject) => ({
  onSuccess: (session) => resolve({ session }),
  onFailure: reject,
  customChallenge: (parameters) => resolve({ challenge: parameters }),
  newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
  mfaRequired: () => reject(new Error('unexpected SMS_MFA')),
  totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA')),
});
const answer = (user, text, metadata) => new Promise((resolve, reject) => user.sendCustomChallengeAnswer(text,
  outcome(resolve, reject), metadata));
const signedIn = (result) => ({
  idTokenUser: payload(result.session.getIdToken().getJwtToken())['cognito:username'],
  accessTokenUse: payload(result.session.getAccessToken().getJwtToken()).token_use,
  valid: result.session.isValid(),
});

function customUser(username) {
  const user = new CognitoUser({ Username: username, Pool: pool });
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  return user;
}

const commands = {
  // initiateAuth: CUSTOM_AUTH with the user name alone; a wrong code first, then the one the test sent.
  passwordless: async (username) => {
    const user = customUser(username);
    const first = await new Promise((resolve, reject) => user.initiateAuth(
      new AuthenticationDetails({ Username: username }), outcome(resolve, reject)));
    const retry = await answer(user, '000000', { attempt: 'first' });
    const code = await prompt('code', { hint: retry.challenge?.hint });
    const done = await answer(user, code, { attempt: 'second' });
    return {
      challenge: first.challenge,
      retriedWithChallenge: retry.challenge !== undefined,
      ...signedIn(done),
    };
  },
  // authenticateUser with CUSTOM_AUTH: the library starts with SRP_A (CHALLENGE_NAME=SRP_A), proves the password
  // at PASSWORD_VERIFIER, and then reports the custom challenge.
  'with-password': async (username, password) => {
    const user = customUser(username);
    const challenged = await new Promise((resolve, reject) => user.authenticateUser(
      new AuthenticationDetails({ Username: username, Password: password }), outcome(resolve, reject)));
    const code = await prompt('code', { hint: challenged.challenge?.hint });
    const done = await answer(user, code);
    const wrongPassword = await new Promise((resolve, reject) => customUser(username).authenticateUser(
      new AuthenticationDetails({ Username: username, Password: `${password}-wrong` }), outcome(resolve, reject)))
      .then(() => 'signed in', (e) => e.code || e.name);
    return { challenge: challenged.challenge, wrongPassword, ...signedIn(done) };
  },
};

try {
  console.log(JSON.stringify(await commands[command](...args)));
} catch (e) {
  console.log(JSON.stringify({ error: e.code || e.name, message: e.message }));
  process.exitCode = 1;
}
