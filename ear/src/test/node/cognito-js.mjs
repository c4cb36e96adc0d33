// Drives amazon-cognito-identity-js, unchanged, against Gatehouse: only `endpoint` is set. IdentityJsIT runs it
// once per step and reads the one line of JSON it prints; a failure prints {"error": name, "message": ...}.
//
//   node cognito-js.mjs <endpoint> <poolId> <clientId> sign-up <username> <password> <email>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> confirm <username> <code>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> sign-in <username> <password>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> forgot <username>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> confirm-password <username> <code> <new password>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> lockout <username> <password> <wait ms>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> device <username> <password>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> totp <username> <password>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> totp-setup <username> <password>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> sms <username> <password>
//   node cognito-js.mjs <endpoint> <poolId> <clientId> select-totp <username> <password> <authenticator secret>
// (sms prompts for the texted code; see support.mjs)
import identity from 'amazon-cognito-identity-js';
import { prompt, totp, wrong } from './support.mjs';

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

/**
 * Signs in with SRP up to the challenge after the password: resolves to {name, parameters} of the second factor the
 * library reports through its callbacks (tokens or any other challenge fail).
 */
function signInToChallenge(user, username, password) {
  return new Promise((resolve, reject) => {
    const challenged = (name, parameters) => resolve({ name, parameters });
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: () => reject(new Error('signed in without a second factor')),
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
      customChallenge: () => reject(new Error('unexpected CUSTOM_CHALLENGE')),
      mfaRequired: challenged,
      totpRequired: challenged,
      selectMFAType: challenged,
      mfaSetup: challenged,
    });
  });
}

const associate = (user) => new Promise((resolve, reject) => user.associateSoftwareToken({
  associateSecretCode: resolve, onFailure: reject }));
// By access token when the user is signed in (resolves to VerifySoftwareToken's answer); by Session in MFA_SETUP,
// where the library answers MFA_SETUP itself and resolves to the new session's tokens.
const verify = (user, code) => new Promise((resolve, reject) => user.verifySoftwareToken(code, 'node', {
  onSuccess: resolve, onFailure: reject }));
const sendCode = (user, code, type) => new Promise((resolve, reject) => user.sendMFACode(code, {
  onSuccess: resolve, onFailure: reject }, type));
// SELECT_MFA_TYPE answered: resolves to {name, parameters} of the chosen method's challenge.
const select = (user, method) => new Promise((resolve, reject) => user.sendMFASelectionAnswer(method, {
  mfaRequired: (name, parameters) => resolve({ name, parameters }),
  totpRequired: (name, parameters) => resolve({ name, parameters }),
  onFailure: reject }));
const refused = (promise) => promise.then(() => 'accepted', (e) => e.code || e.name);
const tokens = (session) => ({
  idTokenUser: payload(session.getIdToken().getJwtToken())['cognito:username'],
  accessTokenUse: payload(session.getAccessToken().getJwtToken()).token_use,
});

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
  forgot: async (username) => {
    const user = new CognitoUser({ Username: username, Pool: pool });
    const data = await new Promise((resolve, reject) => user.forgotPassword({ onSuccess: resolve, onFailure: reject,
      inputVerificationCode: resolve }));
    return { destination: data.CodeDeliveryDetails.Destination };
  },
  'confirm-password': async (username, code, password) => {
    const user = new CognitoUser({ Username: username, Pool: pool });
    return { result: await new Promise((resolve, reject) => user.confirmPassword(code, password, {
      onSuccess: resolve, onFailure: reject })) };
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
  // Five wrong passwords, then the right one while the user is locked, then the right one again <wait ms> later:
  // what the library reports for each (SRP, its default flow).
  lockout: async (username, password, wait) => {
    const outcome = (promise) => promise.then(() => ({ result: 'signed in' }),
      (e) => ({ error: e.code || e.name, message: e.message }));
    const wrongPasswords = [];
    for (let i = 0; i < 5; i += 1) {
      wrongPasswords.push(await outcome(signIn(username, `${password}-wrong`)));
    }
    const whileLocked = await outcome(signIn(username, password));
    await new Promise((resolve) => setTimeout(resolve, Number(wait)));
    const afterTheLock = await outcome(signIn(username, password));
    return { wrongPasswords, whileLocked, afterTheLock };
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
  // A signed-in user of a pool with MFA OPTIONAL sets up an authenticator app and prefers it; their next sign-in
  // asks for its code (SOFTWARE_TOKEN_MFA).
  totp: async (username, password) => {
    const { user } = await signIn(username, password);
    const secret = await associate(user);
    const wrongSetupCode = await refused(verify(user, wrong(totp(secret))));
    const verified = await verify(user, totp(secret));
    const preference = await promised((cb) => user.setUserMfaPreference(null,
      { PreferredMfa: true, Enabled: true }, cb));
    const data = await promised((cb) => user.getUserData(cb, { bypassCache: true }));

    const again = new CognitoUser({ Username: username, Pool: pool });
    const challenge = await signInToChallenge(again, username, password);
    // The next step's code: the one the verification used is taken.
    const code = totp(secret, 1);
    const wrongCode = await refused(sendCode(again, wrong(code), 'SOFTWARE_TOKEN_MFA'));
    const session = await sendCode(again, code, 'SOFTWARE_TOKEN_MFA');
    return {
      secretLength: secret.length,
      wrongSetupCode,
      verifyStatus: verified.Status,
      preference,
      preferredMfa: data.PreferredMfaSetting,
      mfaSettings: data.UserMFASettingList,
      challenge: challenge.name,
      wrongCode,
      ...tokens(session),
    };
  },
  // A user of a pool with MFA ON and no second factor sets up an authenticator app inside the sign-in (MFA_SETUP):
  // AssociateSoftwareToken and VerifySoftwareToken with the challenge's Session; the next sign-in asks for its code.
  'totp-setup': async (username, password) => {
    const user = new CognitoUser({ Username: username, Pool: pool });
    const challenge = await signInToChallenge(user, username, password);
    const secret = await associate(user);
    const wrongSetupCode = await refused(verify(user, wrong(totp(secret))));
    const session = await verify(user, totp(secret));

    const again = new CognitoUser({ Username: username, Pool: pool });
    const next = await signInToChallenge(again, username, password);
    const nextSession = await sendCode(again, totp(secret, 1), 'SOFTWARE_TOKEN_MFA');
    return {
      challenge: challenge.name,
      canSetUp: JSON.parse(challenge.parameters.MFAS_CAN_SETUP),
      wrongSetupCode,
      ...tokens(session),
      nextChallenge: next.name,
      nextSignedIn: nextSession.isValid(),
    };
  },
  // SMS_MFA: the library's mfaRequired, and sendMFACode's default type; the test reads the texted code.
  sms: async (username, password) => {
    const user = new CognitoUser({ Username: username, Pool: pool });
    const challenge = await signInToChallenge(user, username, password);
    const code = await prompt(challenge.name, { destination: challenge.parameters.CODE_DELIVERY_DESTINATION });
    const wrongCode = await refused(sendCode(user, wrong(code)));
    const session = await sendCode(user, code);
    return {
      challenge: challenge.name,
      medium: challenge.parameters.CODE_DELIVERY_DELIVERY_MEDIUM,
      destination: challenge.parameters.CODE_DELIVERY_DESTINATION,
      wrongCode,
      ...tokens(session),
    };
  },
  // A user with an authenticator app and SMS codes on and no preferred method chooses (the library's selectMFAType,
  // sendMFASelectionAnswer). Wrong codes up to the limit end the session, so even the right code is then refused;
  // a new sign-in takes it.
  'select-totp': async (username, password, secret) => {
    const user = new CognitoUser({ Username: username, Pool: pool });
    const challenge = await signInToChallenge(user, username, password);
    const chosen = await select(user, 'SOFTWARE_TOKEN_MFA');
    // The next step's code: the one the set-up's verification used is taken.
    const code = totp(secret, 1);
    const wrongCodes = [];
    for (let i = 0; i < 3; i += 1) {
      wrongCodes.push(await refused(sendCode(user, wrong(code), 'SOFTWARE_TOKEN_MFA')));
    }
    const rightCodeAfterLimit = await refused(sendCode(user, code, 'SOFTWARE_TOKEN_MFA'));
    const again = new CognitoUser({ Username: username, Pool: pool });
    await signInToChallenge(again, username, password);
    await select(again, 'SOFTWARE_TOKEN_MFA');
    const session = await sendCode(again, code, 'SOFTWARE_TOKEN_MFA');
    return {
      challenge: challenge.name,
      canChoose: JSON.parse(challenge.parameters.MFAS_CAN_CHOOSE),
      chosen: chosen.name,
      wrongCodes,
      rightCodeAfterLimit,
      ...tokens(session),
    };
  },
};

try {
  console.log(JSON.stringify(await commands[command](...args)));
} catch (e) {
  console.log(JSON.stringify({ error: e.code || e.name, message: e.message }));
  process.exitCode = 1;
}
