// Drives the AWS SDK for JavaScript v3's identity-pool credential provider, `fromCognitoIdentityPool`
// (@aws-sdk/credential-providers), unchanged but for its client's endpoint, against Gatehouse, and gives it to AWS's
// STS client as its credentials, as an app does: GetId and GetCredentialsForIdentity (unsigned), then
// GetCallerIdentity signed with the credentials. IdentityPoolJsIT runs it once for several cases and reads the one
// line of JSON it prints: {"<label>": {identityId, accessKeyId, expiration, arn} or {error, message}, ...}.
//
//   node identity-pool.mjs <endpoint> <identityPoolId> <providerName> <label>[=<idToken>]...
// (a label without a token is a guest)
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { described, failure, regionOf, whoAmI } from './caller.mjs';

const [endpoint, identityPoolId, providerName, ...cases] = process.argv.slice(2);
const region = regionOf(identityPoolId);

async function run(idToken) {
  const credentials = fromCognitoIdentityPool({
    identityPoolId,
    logins: idToken ? { [providerName]: idToken } : undefined,
    clientConfig: { endpoint, region, maxAttempts: 1 },
  });
  try {
    const { arn, identity } = await whoAmI(endpoint, region, credentials);
    return { identityId: identity.identityId, ...described(identity), arn };
  } catch (e) {
    return failure(e);
  }
}

const results = {};
for (const item of cases) {
  const [label, idToken] = item.split('=');
  results[label] = await run(idToken);
}
console.log(JSON.stringify(results));
