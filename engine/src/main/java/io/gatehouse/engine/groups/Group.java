package io.gatehouse.engine.groups;

/**
 * A group of a user pool ({@code GroupType}).
 *
 * @param precedence lower wins when a user's groups name different roles; null ranks after every number
 * @param createdAt  epoch milliseconds
 * @param modifiedAt epoch milliseconds
 */
public record Group(String userPoolId, String name, String description, String roleArn, Integer precedence,
                    long createdAt, long modifiedAt) {
}
