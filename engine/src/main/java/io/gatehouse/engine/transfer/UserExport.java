package io.gatehouse.engine.transfer;

import io.gatehouse.api.userstore.UserPage;
import io.gatehouse.api.userstore.UserQuery;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserTransfer;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.users.UserImports;
import io.gatehouse.engine.users.UserStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a pool's users, with their password hashes, status and groups, as a CSV that an import job of any
 * Gatehouse pool reads back ({@link UserImports#transferHeader}). It goes page by page, writing each page before
 * reading the next, so a pool of millions streams in constant memory. It is not a snapshot: a user who changes
 * while the export runs appears as found when their page is read. Cells a spreadsheet would take for a formula are
 * neutralised ({@link FormulaCells}); an import of the file restores them.
 */
@ApplicationScoped
public class UserExport {

    /** Users read per page: one query for the users, one for their attributes, hashes and groups each. */
    static final int PAGE = 500;

    @Inject
    UserStores stores;

    @Inject
    Groups groups;

    /** The store's capabilities an export needs; checked before the first byte is written. */
    public record Source(UserPool pool, UserQuery query, UserTransfer transfer) {
    }

    /**
     * The pool's user store, ready to export.
     *
     * @throws ServiceException {@code InvalidParameterException} when the store cannot list users or give out
     *                          their password hashes
     */
    public Source source(UserPool pool) {
        UserStore store = stores.forPool(pool);
        return new Source(pool, store.capability(UserQuery.class).orElseThrow(() -> unsupported("list its users")),
                store.capability(UserTransfer.class).orElseThrow(() -> unsupported("export password hashes")));
    }

    /** Writes every user of the pool to {@code out}, flushing after each page. */
    public void write(Source source, Writer out) throws IOException {
        List<String> header = UserImports.transferHeader(source.pool());
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).get());
        Optional<String> cursor = Optional.empty();
        do {
            UserPage page = source.query().query(Optional.empty(), PAGE, cursor);
            List<String> subs = page.users().stream().map(UserRecord::sub).toList();
            Map<String, String> hashes = source.transfer().passwordHashes(subs);
            Map<String, List<String>> groupNames = groups.groupNamesOf(source.pool().id(), subs);
            for (UserRecord user : page.users()) {
                printer.printRecord(row(header, user, hashes.get(user.sub()), groupNames.get(user.sub())));
            }
            printer.flush();
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    private static List<String> row(List<String> header, UserRecord user, String hash, List<String> groupNames) {
        List<String> row = new ArrayList<>(header.size());
        for (String column : header) {
            row.add(FormulaCells.neutralise(switch (column) {
                case "cognito:username" -> user.username();
                case "cognito:mfa_enabled" -> "false";
                case UserImports.SUB -> user.sub();
                case UserImports.STATUS -> user.status().name();
                case UserImports.ENABLED -> Boolean.toString(user.enabled());
                case UserImports.GROUPS -> groupNames == null ? "" : Json.write(Json.MAPPER.valueToTree(groupNames));
                case UserImports.PASSWORD_HASH -> hash == null ? "" : hash;
                default -> user.attributes().getOrDefault(column, "");
            }));
        }
        return row;
    }

    private static ServiceException unsupported(String what) {
        return ServiceException.invalidParameter("This user pool's user store cannot " + what + ".");
    }
}
