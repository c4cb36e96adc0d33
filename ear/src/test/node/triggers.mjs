// Drives amazon-cognito-identity-js, unchanged but for `endpoint`, against pools with triggers. TriggersIdentityJsIT
// runs it once per step and reads the one line of JSON it prints; a failure prints {"error": name, "message": ...}.
//
//   node triggers.mjs <endpoint> <poolId> <clientId> password-sign-in <username> <password>
//   node triggers.mjs <endpoint> <poolId> <clientId> srp-sign-in <username> <password>
// Each prints {"idToken": <the ID token's payload>, "accessToken": <the access token's payload>}.
//   node triggers.mjs <endpoint> <poolId> <clientId> sign-up <username> <password> <email>
// prints {"userConfirmed": ..., "userSub": ..., "codeDeliveryDetails": ...} as the library's signUp gives them.
import identity from 'amazon-cognito-identity-js';

const { AuthenticationDetails, CognitoUser, CognitoUserAttribute, CognitoUserPool } = identity;
const [endpoint, userPoolId, clientId, command, ...args] = process.argv.slice(2);
const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint });
const payload = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

function signIn(username, password, flow) {
  const user = new CognitoUser({ Username: username, Pool: pool });
  if (flow) {
    // What the AWS guide tells apps to do so that a migration trigger gets the password.
    user.setAuthenticationFlowType(flow);
  }
  return new Promise((resolve, reject) => user.authenticateUser(
    new AuthenticationDetails({ Username: username, Password: password }),
    { onSuccess: resolve, onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')) }));
}

const tokens = (session) => ({
  idToken: payload(session.getIdToken().getJwtToken()),
  accessToken: payload(session.getAccessToken().getJwtToken()),
});

function signUp(username, password, email) {
  return new Promise((resolve, reject) => pool.signUp(username, password,
    [new CognitoUserAttribute({ Name: 'email', Value: email })], [],
    (error, result) => (error ? reject(error) : resolve({
      userConfirmed: result.userConfirmed, userSub: result.userSub,
      codeDeliveryDetails: result.codeDeliveryDetails || null,
    }))));
}

const commands = {
  'sign-up': signUp,
  'password-sign-in': async (username, password) => tokens(await signIn(username, password, 'USER_PASSWORD_AUTH')),
  'srp-sign-in': async (username, password) => tokens(await signIn(username, password)),
};

try {
  console.log(JSON.stringify(await commands[command](...args)));
} catch (e) {
  console.log(JSON.stringify({ error: e.code || e.name, message: e.message }));
}
