package io.gatehouse.api.userstore;

import java.util.Optional;

/** Lists users page by page, in an order that stays stable while users are added and removed. */
public interface UserQuery {

    /**
     * One page of the users matching {@code filter}.
     *
     * @param filter a condition, or empty for every user
     * @param limit  at most this many users, 1 or more
     * @param cursor a cursor from an earlier page of the same query, or empty for the first page
     * @return the page; never null
     * @throws IllegalArgumentException when the store cannot filter on the attribute, or the cursor is not one
     *                                  it issued
     */
    UserPage query(Optional<UserFilter> filter, int limit, Optional<String> cursor);

    /**
     * About how many users the pool has (Cognito's {@code EstimatedNumberOfUsers}); it may lag behind recent
     * changes. The default counts by paging, so stores with a cheaper count should override it.
     */
    default long estimatedCount() {
        long count = 0;
        Optional<String> cursor = Optional.empty();
        do {
            UserPage page = query(Optional.empty(), 1000, cursor);
            count += page.users().size();
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return count;
    }
}
