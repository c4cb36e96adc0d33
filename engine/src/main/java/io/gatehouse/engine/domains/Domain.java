package io.gatehouse.engine.domains;

/**
 * A host name of a pool's hosted UI and OAuth endpoints.
 *
 * @param domain              the prefix (a prefix domain) or the full host name (a custom domain)
 * @param userPoolId          its pool
 * @param custom              whether it is a custom domain (created with a CustomDomainConfig)
 * @param certificateArn      a custom domain's certificate ARN, as given; TLS itself is the server's or its proxy's
 * @param managedLoginVersion 1 (Cognito's classic hosted UI) or 2 (managed login); Gatehouse serves one UI for both
 */
public record Domain(String domain, String userPoolId, boolean custom, String certificateArn,
                     int managedLoginVersion) {
}
