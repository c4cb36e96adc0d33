package io.gatehouse.engine.groups;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's groups and who is in them. Members are named by {@code sub}; callers resolve user names first. Pages
 * are in name order (groups) or sub order (members), continued after the last item of the previous page.
 */
@ApplicationScoped
@Transactional
public class Groups {

    /** The order tokens list a user's groups in: by precedence (groups without one last), then by name. */
    private static final Comparator<Group> TOKEN_ORDER = Comparator.comparing(Group::precedence,
            Comparator.nullsLast(Comparator.<Integer>naturalOrder())).thenComparing(Group::name);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    Clock clock;

    /** Creates a group (CreateGroup). */
    public Group create(String userPoolId, String name, String description, String roleArn, Integer precedence) {
        pools.get(userPoolId);
        if (em.find(GroupEntity.class, new GroupEntity.Key(userPoolId, name)) != null) {
            throw new ServiceException("GroupExistsException", "A group with the name " + name
                    + " already exists.");
        }
        GroupEntity entity = new GroupEntity(userPoolId, name, description, roleArn, precedence, clock.millis());
        em.persist(entity);
        return entity.view();
    }

    /** The group (GetGroup). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Group get(String userPoolId, String name) {
        return find(userPoolId, name).view();
    }

    /** Replaces a group's description, role and precedence; what the call leaves out is cleared (UpdateGroup). */
    public Group update(String userPoolId, String name, String description, String roleArn, Integer precedence) {
        GroupEntity entity = find(userPoolId, name);
        entity.update(description, roleArn, precedence, clock.millis());
        return entity.view();
    }

    /** Deletes a group; its members stay in the pool (DeleteGroup). */
    public void delete(String userPoolId, String name) {
        em.remove(find(userPoolId, name));
    }

    /** One page of the pool's groups (ListGroups). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Group> list(String userPoolId, int limit, Optional<String> nextToken) {
        pools.get(userPoolId);
        String kind = "groups:" + userPoolId;
        Optional<String> after = PageToken.decode(kind, nextToken);
        List<Group> rows = em.createQuery("select g from GroupEntity g where g.userPoolId = :pool"
                        + " and g.groupName > :after order by g.groupName", GroupEntity.class)
                .setParameter("pool", userPoolId).setParameter("after", after.orElse(""))
                .setMaxResults(limit + 1).getResultList().stream().map(GroupEntity::view).toList();
        return Page.cut(rows, limit, kind, Group::name);
    }

    /** Whether the pool has a group of this name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String userPoolId, String name) {
        return em.find(GroupEntity.class, new GroupEntity.Key(userPoolId, name)) != null;
    }

    /**
     * The names of the groups of each of these users, each user's in the order their tokens list them (for an
     * export page: one query, not one per user).
     *
     * @return sub to group names; users in no group are absent
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<String>> groupNamesOf(String userPoolId, Collection<String> subs) {
        if (subs.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Group>> bySub = new HashMap<>();
        em.createQuery("select m.sub, g from GroupMember m, GroupEntity g where m.userPoolId = :pool"
                        + " and g.userPoolId = :pool and g.groupName = m.groupName and m.sub in :subs", Object[].class)
                .setParameter("pool", userPoolId).setParameter("subs", subs).getResultList()
                .forEach(row -> bySub.computeIfAbsent((String) row[0], s -> new ArrayList<>())
                        .add(((GroupEntity) row[1]).view()));
        Map<String, List<String>> names = new HashMap<>();
        bySub.forEach((sub, groupList) -> names.put(sub, groupList.stream().sorted(TOKEN_ORDER).map(Group::name)
                .toList()));
        return names;
    }

    /** Puts a user in a group; a user already in it stays (AdminAddUserToGroup). */
    public void addMember(String userPoolId, String name, String sub) {
        GroupEntity group = find(userPoolId, name);
        Query exists = em.createNativeQuery("SELECT COUNT(*) FROM user_group_member"
                + " WHERE user_pool_id = ? AND group_name = ? AND sub = ?");
        if (((Number) bind(exists, userPoolId, name, sub).getSingleResult()).longValue() == 0) {
            bind(em.createNativeQuery("INSERT INTO user_group_member (user_pool_id, group_name, sub)"
                    + " VALUES (?, ?, ?)"), userPoolId, name, sub).executeUpdate();
            group.touch(clock.millis());
        }
    }

    /** Takes a user out of a group (AdminRemoveUserFromGroup). */
    public void removeMember(String userPoolId, String name, String sub) {
        GroupEntity group = find(userPoolId, name);
        int removed = bind(em.createNativeQuery("DELETE FROM user_group_member"
                + " WHERE user_pool_id = ? AND group_name = ? AND sub = ?"), userPoolId, name, sub).executeUpdate();
        if (removed > 0) {
            group.touch(clock.millis());
        }
    }

    /** One page of the groups a user is in, in name order (AdminListGroupsForUser). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Group> groupsOf(String userPoolId, String sub, int limit, Optional<String> nextToken) {
        String kind = "user-groups:" + userPoolId + ":" + sub;
        Optional<String> after = PageToken.decode(kind, nextToken);
        List<Group> rows = em.createQuery("select g from GroupEntity g where g.userPoolId = :pool"
                        + " and g.groupName > :after and g.groupName in (select m.groupName from GroupMember m"
                        + " where m.userPoolId = :pool and m.sub = :sub) order by g.groupName", GroupEntity.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).setParameter("after", after.orElse(""))
                .setMaxResults(limit + 1).getResultList().stream().map(GroupEntity::view).toList();
        return Page.cut(rows, limit, kind, Group::name);
    }

    /**
     * Every group a user is in, first the one that takes precedence (lowest number; groups without one last),
     * then by name: the order of the {@code cognito:groups} claim.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Group> allGroupsOf(String userPoolId, String sub) {
        return em.createQuery("select g from GroupEntity g where g.userPoolId = :pool and g.groupName in"
                        + " (select m.groupName from GroupMember m where m.userPoolId = :pool and m.sub = :sub)",
                        GroupEntity.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).getResultList().stream()
                .map(GroupEntity::view)
                .sorted(TOKEN_ORDER)
                .toList();
    }

    /** One page of the subs of a group's members, in sub order (ListUsersInGroup). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<String> membersOf(String userPoolId, String name, int limit, Optional<String> nextToken) {
        find(userPoolId, name);
        String kind = "members:" + userPoolId + ":" + name;
        Optional<String> after = PageToken.decode(kind, nextToken);
        List<String> subs = em.createQuery("select m.sub from GroupMember m where m.userPoolId = :pool"
                        + " and m.groupName = :name and m.sub > :after order by m.sub", String.class)
                .setParameter("pool", userPoolId).setParameter("name", name).setParameter("after", after.orElse(""))
                .setMaxResults(limit + 1).getResultList();
        return Page.cut(subs, limit, kind, s -> s);
    }

    /** Forgets a deleted user's memberships. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetUser(String userPoolId, String sub) {
        bind(em.createNativeQuery("DELETE FROM user_group_member WHERE user_pool_id = ? AND sub = ?"),
                userPoolId, sub).executeUpdate();
    }

    private GroupEntity find(String userPoolId, String name) {
        GroupEntity entity = em.find(GroupEntity.class, new GroupEntity.Key(userPoolId, name));
        if (entity == null) {
            pools.get(userPoolId);
            throw ServiceException.resourceNotFound("Group not found.");
        }
        return entity;
    }

    private static Query bind(Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
