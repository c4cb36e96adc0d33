// What the identity-pool scripts share: AWS's STS client (@aws-sdk/client-sts), pointed at Gatehouse, asks who the
// temporary credentials are (GetCallerIdentity, Query protocol, signed with them): the assumed role's ARN.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

// The SDK warns, on standard error, once per process, that its releases from 2027 need Node 22: the warning would
// come after the script's JSON line, which must be the last. (The SDK reads this when a client is first built.)
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The region an identity pool id names (`<region>:<uuid>`), as Amplify reads it. */
export const regionOf = (identityPoolId) => identityPoolId.split(':')[0];

/**
 * GetCallerIdentity signed with `credentials`: static credentials or a provider function such as
 * fromCognitoIdentityPool's. Resolves to {arn, identity} where identity is what the client resolved and signed with.
 */
export async function whoAmI(endpoint, region, credentials) {
  const sts = new STSClient({ endpoint, region, credentials, maxAttempts: 1 });
  try {
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    return { arn: caller.Arn, identity: await sts.config.credentials() };
  } finally {
    sts.destroy();
  }
}

/** What a script prints of credentials: never the secret or the session token. */
export function described(credentials) {
  return {
    accessKeyId: credentials.accessKeyId,
    expiration: credentials.expiration?.toISOString(),
  };
}

/** A failure as the scripts print it. */
export const failure = (e) => ({ error: e.name, message: e.message });
