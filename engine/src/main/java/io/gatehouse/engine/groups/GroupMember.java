package io.gatehouse.engine.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One user's membership of one group. */
@Entity
@Table(name = "user_group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    /** The primary key: pool, group name and sub. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String groupName;
        private String sub;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userPoolId.equals(userPoolId) && k.groupName.equals(groupName)
                    && k.sub.equals(sub);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, groupName, sub);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "group_name")
    private String groupName;

    @Id
    @Column(name = "sub")
    private String sub;

    protected GroupMember() {
    }
}
