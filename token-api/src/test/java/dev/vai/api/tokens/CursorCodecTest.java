package dev.vai.api.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.projection.token.ListFilter;
import dev.vai.projection.token.PagePosition;
import dev.vai.token.AccessTokenId;
import dev.vai.token.OwnerId;
import dev.vai.token.TokenType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec(new byte[32]);
    private final OwnerId alice = new OwnerId("alice");
    private final ListFilter everything = new ListFilter(null, false);
    private final PagePosition position =
            new PagePosition(Instant.parse("2026-11-28T10:15:30.123Z"), AccessTokenId.random());

    @Test
    void aCursorDecodesToThePositionItWasMadeFor() {
        String cursor = codec.encode(alice, everything, position);
        assertThat(cursor).matches("[A-Za-z0-9_-]+").hasSizeLessThan(CursorCodec.MAX_LENGTH);
        assertThat(codec.decode(alice, everything, cursor)).contains(position);
    }

    @Test
    void aCursorIsRefusedForAnotherCallerAnotherFilterOrAnotherKey() {
        String cursor = codec.encode(alice, everything, position);
        assertThat(codec.decode(new OwnerId("bob"), everything, cursor)).isEmpty();
        assertThat(codec.decode(alice, new ListFilter(TokenType.API_KEY, false), cursor)).isEmpty();
        assertThat(codec.decode(alice, new ListFilter(null, true), cursor)).isEmpty();
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new CursorCodec(otherKey).decode(alice, everything, cursor)).isEmpty();
    }

    @Test
    void anOwnerNameCannotBeShiftedIntoTheFilter() {
        OwnerId shifted = new OwnerId("alice*");
        String cursor = codec.encode(alice, new ListFilter(null, false), position);
        assertThat(codec.decode(shifted, new ListFilter(null, false), cursor)).isEmpty();
    }

    @Test
    void onlyTheIssuedSpellingIsAccepted() {
        // 41 bytes are 55 characters whose last one carries two unused bits; setting them must not pass
        for (int i = 0; i < 64; i++) {
            String cursor = codec.encode(alice, everything,
                    new PagePosition(position.createdAt().plusMillis(i), position.id()));
            char last = cursor.charAt(cursor.length() - 1);
            char sameBits = (char) (last + 1); // A->B, E->F, ... differ only in the unused bits
            String variant = cursor.substring(0, cursor.length() - 1) + sameBits;
            assertThat(codec.decode(alice, everything, variant)).as(variant).isEmpty();
            assertThat(codec.decode(alice, everything, cursor + "=")).isEmpty();
        }
    }

    @Test
    void garbageIsRefused() {
        for (String bad : new String[] {"", "!!!", "AQ", "x".repeat(500)}) {
            assertThat(codec.decode(alice, everything, bad)).isEmpty();
        }
    }
}
