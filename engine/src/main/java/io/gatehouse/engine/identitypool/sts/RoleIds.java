package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.security.Hashes;

import java.nio.charset.StandardCharsets;

/**
 * A stable role id for a role ARN, in the form of IAM's ({@code AROA} and 17 characters): IAM's own ids are not known
 * here, and GetCallerIdentity's {@code UserId} is {@code <role id>:<session name>}.
 */
final class RoleIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private RoleIds() {
    }

    static String of(String roleArn) {
        byte[] digest = Hashes.sha256(roleArn.getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder("AROA");
        for (int i = 0; i < 17; i++) {
            id.append(BASE32[(digest[i] & 0xff) % 32]);
        }
        return id.toString();
    }
}
