package io.gatehouse.engine.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A group of a user pool. */
@Entity
@Table(name = "user_group")
@IdClass(GroupEntity.Key.class)
public class GroupEntity {

    /** The primary key: pool and group name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String groupName;

        public Key() {
        }

        Key(String userPoolId, String groupName) {
            this.userPoolId = userPoolId;
            this.groupName = groupName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userPoolId.equals(userPoolId) && k.groupName.equals(groupName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, groupName);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "group_name")
    private String groupName;

    @Column(name = "description")
    private String description;

    @Column(name = "role_arn")
    private String roleArn;

    @Column(name = "precedence")
    private Integer precedence;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    protected GroupEntity() {
    }

    GroupEntity(String userPoolId, String groupName, String description, String roleArn, Integer precedence,
                long now) {
        this.userPoolId = userPoolId;
        this.groupName = groupName;
        this.description = description;
        this.roleArn = roleArn;
        this.precedence = precedence;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    void update(String description, String roleArn, Integer precedence, long now) {
        this.description = description;
        this.roleArn = roleArn;
        this.precedence = precedence;
        this.modifiedAt = now;
    }

    /** Records that the membership changed. */
    void touch(long now) {
        this.modifiedAt = now;
    }

    Group view() {
        return new Group(userPoolId, groupName, description, roleArn, precedence, createdAt, modifiedAt);
    }
}
