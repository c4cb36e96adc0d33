// Drives Amplify JS v6's Auth (aws-amplify), unchanged, with an identity pool configured against Gatehouse: only
// `userPoolEndpoint` and `identityPoolEndpoint` point here. A guest's fetchAuthSession, then a sign-in (SRP, the
// default) and the signed-in user's, then a sign-out and a guest's again; each session's credentials are given to
// AWS's STS client (@aws-sdk/client-sts) for GetCallerIdentity. IdentityPoolJsIT runs it and reads the one line of
// JSON it prints: {"guest": {...}, "user": {...}, "afterSignOut": {...}}, each {identityId, accessKeyId, expiration,
// arn}; a failure prints {"error": name, "message": ...}.
//
//   node amplify-identity.mjs <endpoint> <userPoolId> <clientId> <identityPoolId> <username> <password>
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { described, failure, regionOf, whoAmI } from './caller.mjs';

const [endpoint, userPoolId, userPoolClientId, identityPoolId, username, password] = process.argv.slice(2);
const region = regionOf(identityPoolId);
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId, userPoolClientId, userPoolEndpoint: endpoint,
      identityPoolId, identityPoolEndpoint: endpoint, allowGuestAccess: true,
    },
  },
});

async function session() {
  const { identityId, credentials } = await fetchAuthSession();
  const { arn } = await whoAmI(endpoint, region, credentials);
  return { identityId, ...described(credentials), arn };
}

try {
  const guest = await session();
  const result = await signIn({ username, password });
  if (!result.isSignedIn) {
    throw new Error(`not signed in: ${result.nextStep.signInStep}`);
  }
  const user = await session();
  await signOut();
  const afterSignOut = await session();
  console.log(JSON.stringify({ guest, user, afterSignOut }));
} catch (e) {
  console.log(JSON.stringify(failure(e)));
  process.exitCode = 1;
}
