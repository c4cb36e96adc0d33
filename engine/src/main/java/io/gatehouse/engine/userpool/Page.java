package io.gatehouse.engine.userpool;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param items     the items
 * @param nextToken the token for the next page, or empty on the last one
 */
public record Page<T>(List<T> items, Optional<String> nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The first {@code limit} of {@code rows}, which were fetched with one row more than a page to learn whether
     * another page follows, and the token that continues after the last of them.
     *
     * @param kind what the token is for (see {@link PageToken}); a token of another kind is refused
     * @param key  the keyset key of an item: the next page starts strictly after it
     */
    public static <T> Page<T> cut(List<T> rows, int limit, String kind, Function<T, String> key) {
        boolean more = rows.size() > limit;
        List<T> page = rows.stream().limit(limit).toList();
        return new Page<>(page, more ? Optional.of(PageToken.encode(kind, key.apply(page.get(page.size() - 1))))
                : Optional.empty());
    }
}
