/**
 * The {@code credentials-broker} family: what turns an identity pool's identity, once its role is decided, into
 * temporary credentials (an access key id, a secret access key, a session token and their expiry, in AWS's form).
 * The engine decides everything before a broker is asked: the identity, whether it is authenticated, the role (the
 * pool's roles and role mappings), the session tags (the pool's principal tag map) and the OpenID token that proves
 * the rest to a third party. A broker only mints or fetches the credentials: the built-in {@code local-sts} mints its
 * own, which this server's STS endpoint then accepts; {@code aws-sts} asks an STS (AWS's, MinIO's, Ceph's) with
 * {@code AssumeRoleWithWebIdentity}; a third party's broker (another cloud's federation) is a provider jar.
 *
 * <p>Which broker a pool uses is the server's setting {@code gatehouse.identity-pools.credentials-broker} (the
 * provider's id; {@code local-sts} by default).
 *
 * <h2>Versioning</h2>
 * The family was added in provider API 1.7. Within major version 1 it only grows: new inputs come as new record
 * components only with a major version, new questions as new default methods of
 * {@link io.gatehouse.api.credentials.CredentialsBroker}.
 */
package io.gatehouse.api.credentials;
