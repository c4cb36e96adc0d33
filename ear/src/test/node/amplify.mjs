// Drives Amplify JS v6's Auth (aws-amplify), unchanged, against Gatehouse: only `userPoolEndpoint` is set.
// IdentityJsIT runs it and reads the one line of JSON it prints; a failure prints {"error": name, "message": ...}.
//
//   node amplify.mjs <endpoint> <poolId> <clientId> <username> <password>
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, fetchUserAttributes, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';

const [endpoint, userPoolId, userPoolClientId, username, password] = process.argv.slice(2);
Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: endpoint } } });

try {
  const wrong = await signIn({ username, password: `${password}-wrong` }).then(() => 'signed in', (e) => e.name);
  // USER_SRP_AUTH is Amplify's default flow.
  const result = await signIn({ username, password });
  const user = await getCurrentUser();
  const attributes = await fetchUserAttributes();
  const session = await fetchAuthSession();
  const refreshed = await fetchAuthSession({ forceRefresh: true });
  await signOut();
  console.log(JSON.stringify({
    wrongPassword: wrong,
    signedIn: result.isSignedIn,
    nextStep: result.nextStep.signInStep,
    username: user.username,
    email: attributes.email,
    idTokenUse: session.tokens.idToken.payload.token_use,
    refreshedNewToken: refreshed.tokens.accessToken.toString() !== session.tokens.accessToken.toString(),
  }));
} catch (e) {
  console.log(JSON.stringify({ error: e.name, message: e.message }));
  process.exitCode = 1;
}
