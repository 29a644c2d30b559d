package dev.vai.app.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vai.app.support.TestPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The read-model migration of the upgrade to scopes, on both databases the service runs on: rows written before it
 * get the same frozen literals the event upcaster gives their events, never today's configuration, and keep their
 * expiry; the issuer columns hold together; and each owner's unrevoked API keys are counted (V8).
 */
class ReadModelMigrationIT {

    private static void upgradeFillsTheFrozenDefaults(DataSource dataSource, String vendor) {
        Flyway before = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).target("3").load();
        before.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        UUID session = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.parse("2026-11-28T10:15:30.123Z"));
        Timestamp later = Timestamp.from(Instant.parse("2026-11-28T22:15:30.123Z"));
        String insert = "insert into access_token_view (token_id, owner_id, token_type, name, token_prefix,"
                + " token_hash, created_at, expires_at) values (?, 'alice', ?, 'n', 'vai_k_AbCdEf', ?, ?, ?)";
        jdbc.update(insert, session, "SESSION", new byte[32], now, later);
        jdbc.update(insert, key, "API_KEY", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, now, null);
        UUID revokedKey = UUID.randomUUID();
        jdbc.update(insert, revokedKey, "API_KEY", randomHash(), now, null);
        jdbc.update("update access_token_view set revoked_at = ? where token_id = ?", later, revokedKey);

        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();

        Map<String, Object> sessionRow = jdbc.queryForMap("select scopes, issued_by_kind, issued_by_token_id,"
                + " expires_at from access_token_view where token_id = ?", session);
        assertThat(sessionRow.get("scopes")).isEqualTo("api tokens:read tokens:write");
        assertThat(sessionRow.get("issued_by_kind")).isEqualTo("unknown");
        assertThat(sessionRow.get("issued_by_token_id")).isNull();
        Map<String, Object> keyRow = jdbc.queryForMap("select scopes, issued_by_kind, expires_at"
                + " from access_token_view where token_id = ?", key);
        assertThat(keyRow.get("scopes")).isEqualTo("api tokens:read");
        assertThat(keyRow.get("issued_by_kind")).isEqualTo("unknown");
        assertThat(keyRow.get("expires_at")).as("a never-expiring key stays so").isNull();
        assertThat(jdbc.queryForObject("select unrevoked from api_key_counts where owner_id = 'alice'", Integer.class))
                .as("V8 counts the unrevoked key, not the revoked one or the session").isEqualTo(1);

        String withIssuer = "insert into access_token_view (token_id, owner_id, token_type, name, token_prefix,"
                + " token_hash, created_at, scopes, issued_by_kind, issued_by_token_id)"
                + " values (?, 'alice', 'API_KEY', 'n', 'vai_k_AbCdEf', ?, ?, '', ?, ?)";
        jdbc.update(withIssuer, UUID.randomUUID(), randomHash(), now, "token", session);
        jdbc.update(withIssuer, UUID.randomUUID(), randomHash(), now, "admin", null);
        for (Object[] badIssuer : List.<Object[]>of(new Object[] {"token", null}, new Object[] {"admin", session},
                new Object[] {"somebody", null})) {
            assertThatThrownBy(() -> jdbc.update(withIssuer, UUID.randomUUID(), randomHash(), now, badIssuer[0],
                    badIssuer[1])).as(badIssuer[0] + " with " + badIssuer[1])
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    private static byte[] randomHash() {
        return UUID.randomUUID().toString().substring(0, 32).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void onPostgresqlRowsFromBeforeScopesGetTheFrozenDefaults() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        upgradeFillsTheFrozenDefaults(new DriverManagerDataSource(database.url(), database.user(),
                database.password()), "postgresql");
    }

    @Test
    void onDevModesH2RowsFromBeforeScopesGetTheFrozenDefaults() {
        upgradeFillsTheFrozenDefaults(new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", ""), "h2");
    }
}
