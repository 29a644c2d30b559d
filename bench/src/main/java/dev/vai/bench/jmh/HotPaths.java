package dev.vai.bench.jmh;

import dev.vai.api.auth.FailureThrottle;
import dev.vai.api.tokens.CursorCodec;
import dev.vai.projection.token.ListFilter;
import dev.vai.projection.token.PagePosition;
import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenHash;
import dev.vai.token.TokenType;
import dev.vai.token.secret.PlaintextToken;
import dev.vai.token.secret.TokenHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What every request or every issue does in memory, measured alone. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class HotPaths {

    private SecureRandom random;
    private String valid;
    private String badChecksum;
    private PlaintextToken token;
    private TokenHasher hasher;
    private CursorCodec cursors;
    private OwnerId owner;
    private ListFilter filter;
    private PagePosition position;
    private String cursor;

    @Setup
    public void setUp() {
        random = new SecureRandom();
        token = PlaintextToken.generate(TokenType.API_KEY, random);
        valid = token.reveal();
        badChecksum = valid.substring(0, 54) + (valid.charAt(54) == 'a' ? 'b' : 'a');
        byte[] key = new byte[32];
        random.nextBytes(key);
        hasher = new TokenHasher(key);
        cursors = new CursorCodec(key);
        owner = new OwnerId("bench-owner");
        filter = new ListFilter(null, false);
        position = new PagePosition(Instant.now(), AccessTokenId.random());
        cursor = cursors.encode(owner, filter, position);
    }

    @Benchmark
    public PlaintextToken generateToken() {
        return PlaintextToken.generate(TokenType.API_KEY, random);
    }

    @Benchmark
    public Optional<PlaintextToken> parseValidToken() {
        return PlaintextToken.parse(valid);
    }

    @Benchmark
    public Optional<PlaintextToken> refuseBadChecksum() {
        return PlaintextToken.parse(badChecksum);
    }

    @Benchmark
    public TokenHash hashToken() {
        return hasher.hash(token);
    }

    @Benchmark
    public String encodeCursor() {
        return cursors.encode(owner, filter, position);
    }

    @Benchmark
    public Optional<PagePosition> decodeCursor() {
        return cursors.decode(owner, filter, cursor);
    }

    /** The failed-authentication table, empty or holding as many clients as it may. */
    @State(Scope.Benchmark)
    public static class Throttle {

        @Param({"0", "100000"})
        public int clientsAlready;
        FailureThrottle throttle;
        int next;

        @Setup
        public void fill() {
            throttle = new FailureThrottle(60, Clock.systemUTC());
            for (next = 0; next < clientsAlready; next++) {
                throttle.recordFailure(address(next));
            }
        }

        static String address(int n) {
            return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
        }
    }

    /** A failure from a client the table has not seen: with a full table, one entry makes room for it. */
    @Benchmark
    public long recordFailureOfANewClient(Throttle state) {
        String client = Throttle.address(state.next++ & 0xffffff);
        state.throttle.recordFailure(client);
        return state.throttle.throttledFor(client);
    }
}
