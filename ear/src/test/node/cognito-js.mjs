// Drives amazon-cognito-identity-js, unchanged, against Gatehouse: only `endpoint` is set. IdentityJsIT runs it
// once per step and reads the one line of JSON it prints; a failure prints {"error": name, "message": ...}.
//
//   node cognito-js.mjs <endpoint> <poolId> <clientId> sign-up <username> <password> <email>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> confirm <username> <code>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> sign-in <username> <password>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> device <username> <password>
import identity from 'amazon-cognito-identity-js';

const { AuthenticationDetails, CognitoUser, CognitoUserAttribute, CognitoUserPool } = identity;
const [endpoint, userPoolId, clientId, command, ...args] = process.argv.slice(2);
const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint });

const promised = (call) => new Promise((resolve, reject) => call((err, result) => (err ? reject(err) : resolve(result))));
const payload = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

function signIn(username, password) {
  const user = new CognitoUser({ Username: username, Pool: pool });
  // USER_SRP_AUTH is the library's default flow.
  return new Promise((resolve, reject) => user.authenticateUser(
    new AuthenticationDetails({ Username: username, Password: password }),
    { onSuccess: (session) => resolve({ user, session }), onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')) }));
}

const commands = {
  'sign-up': async (username, password, email) => {
    const result = await promised((cb) => pool.signUp(username, password,
      [new CognitoUserAttribute({ Name: 'email', Value: email })], null, cb));
    return { userSub: result.userSub, userConfirmed: result.userConfirmed };
  },
  confirm: async (username, code) => {
    const user = new CognitoUser({ Username: username, Pool: pool });
    return { result: await promised((cb) => user.confirmRegistration(code, true, cb)) };
  },
  'sign-in': async (username, password) => {
    const wrong = await signIn(username, `${password}-wrong`).then(() => 'signed in', (e) => e.code || e.name);
    const { user, session } = await signIn(username, password);
    const attributes = await promised((cb) => user.getUserAttributes(cb));
    const refreshed = await promised((cb) => user.refreshSession(session.getRefreshToken(), cb));
    return {
      wrongPassword: wrong,
      idTokenUser: payload(session.getIdToken().getJwtToken())['cognito:username'],
      accessTokenUse: payload(session.getAccessToken().getJwtToken()).token_use,
      email: attributes.find((a) => a.getName() === 'email')?.getValue(),
      refreshedSameSub: payload(refreshed.getIdToken().getJwtToken()).sub === payload(session.getIdToken().getJwtToken()).sub,
      refreshedNewToken: refreshed.getAccessToken().getJwtToken() !== session.getAccessToken().getJwtToken(),
    };
  },
  // Two sign-ins in one process, as a browser tab would: the first confirms the new device the library was given,
  // the second offers that device, which proves itself (DEVICE_SRP_AUTH) with the password the library kept.
  device: async (username, password) => {
    const first = await signIn(username, password);
    const second = await signIn(username, password);
    const listed = await new Promise((resolve, reject) => second.user.listDevices(10, null,
      { onSuccess: resolve, onFailure: reject }));
    return {
      firstDevice: first.user.deviceKey,
      secondDevice: second.user.deviceKey,
      listed: listed.Devices.map((d) => d.DeviceKey),
    };
  },
};

try {
  console.log(JSON.stringify(await commands[command](...args)));
} catch (e) {
  console.log(JSON.stringify({ error: e.code || e.name, message: e.message }));
  process.exitCode = 1;
}
