package dev.vai.projection.token;

import dev.vai.token.OwnerId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each owner's unrevoked API keys, expired ones included (expiry writes nothing), in {@code api_key_counts}: an upper
 * bound on the owner's active keys that costs one primary-key read. The limit check counts the owner's keys only when
 * this bound reaches the limit (counting them was a create's costliest statement: it reads every active key of the
 * owner). {@link TokenViewProjection} keeps it in the events' transaction; migration {@code V8} counted the keys that
 * existed before.
 */
@Repository
class ApiKeyCounts {

    private static final String POSTGRESQL_ADD = "insert into api_key_counts as c (owner_id, unrevoked) values (?, ?)"
            + " on conflict (owner_id) do update set unrevoked = c.unrevoked + excluded.unrevoked";
    /** H2 has no {@code on conflict}: standard {@code merge}, for dev mode's single instance. */
    private static final String H2_ADD = "merge into api_key_counts c using (values (cast(? as varchar(255)),"
            + " cast(? as integer))) d (owner_id, unrevoked) on c.owner_id = d.owner_id"
            + " when matched then update set unrevoked = c.unrevoked + d.unrevoked"
            + " when not matched then insert (owner_id, unrevoked) values (d.owner_id, d.unrevoked)";

    private final JdbcTemplate jdbc;
    private volatile String add;

    ApiKeyCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's unrevoked API keys, expired or not; 0 for an owner who never had one. */
    int unrevoked(OwnerId owner) {
        List<Integer> count = jdbc.queryForList("select unrevoked from api_key_counts where owner_id = ?",
                Integer.class, owner.value());
        return count.isEmpty() ? 0 : count.get(0);
    }

    /**
     * Adds each owner's change, in owner order: run as the transaction's last statements, the count's row lock is the
     * last lock any transaction takes, so creates and revocations of one owner wait for each other without deadlock.
     */
    void add(Map<String, Integer> changes) {
        List<Object[]> rows = new TreeMap<>(changes).entrySet().stream()
                .filter(change -> change.getValue() != 0)
                .map(change -> new Object[] {change.getKey(), change.getValue()})
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(statement(), rows);
        }
    }

    private String statement() {
        String statement = add;
        if (statement == null) {
            String product = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData()
                    .getDatabaseProductName());
            statement = "H2".equals(product) ? H2_ADD : POSTGRESQL_ADD;
            add = statement;
        }
        return statement;
    }
}
