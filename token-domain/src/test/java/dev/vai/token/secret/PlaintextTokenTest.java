package dev.vai.token.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vai.token.TokenType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class PlaintextTokenTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aGeneratedTokenHasThePublishedFormat() {
        String token = PlaintextToken.generate(TokenType.API_KEY, random).reveal();
        assertThat(token).hasSize(55).matches("vai_k_[0-9A-Za-z]{49}");
        assertThat(PlaintextToken.generate(TokenType.SESSION, random).reveal()).startsWith("vai_s_");
    }

    @Test
    void theLastSixCharactersAreTheBase62Crc32OfTheRest() {
        String token = PlaintextToken.generate(TokenType.API_KEY, random).reveal();
        CRC32 crc = new CRC32();
        crc.update(token.substring(0, 49).getBytes(StandardCharsets.US_ASCII));
        long decoded = 0;
        for (char c : token.substring(49).toCharArray()) {
            decoded = decoded * 62 + Base62.ALPHABET.indexOf(c);
        }
        assertThat(decoded).isEqualTo(crc.getValue());
    }

    @Test
    void aGeneratedTokenParsesBackWithItsTypeAndPrefix() {
        PlaintextToken token = PlaintextToken.generate(TokenType.SESSION, random);
        PlaintextToken parsed = PlaintextToken.parse(token.reveal()).orElseThrow();
        assertThat(parsed.type()).isEqualTo(TokenType.SESSION);
        assertThat(parsed.prefix().value()).isEqualTo(token.reveal().substring(0, 12));
    }

    @Test
    void anyChangedCharacterBreaksTheChecksum() {
        String token = PlaintextToken.generate(TokenType.API_KEY, random).reveal();
        for (int i = 6; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(PlaintextToken.parse(tampered)).as("changed at %d", i).isEmpty();
        }
    }

    @Test
    void malformedCandidatesAreRefused() {
        String good = PlaintextToken.generate(TokenType.API_KEY, random).reveal();
        for (String bad : new String[] {null, "", "vai_", good + "0", good.substring(1), "VAI" + good.substring(3),
                good.replace("vai_k_", "vai_x_"), good.replace("vai_k_", "vai_k-"), good.substring(0, 54) + "!",
                "x".repeat(100_000)}) {
            assertThat(PlaintextToken.parse(bad)).isEmpty();
        }
    }

    @Test
    void aMillionTokensHaveNoCollision() {
        Set<String> seen = new HashSet<>(2_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add(PlaintextToken.generate(TokenType.API_KEY, random).reveal())).isTrue();
        }
    }

    @Test
    void thePlaintextNeverPrintsItself() {
        PlaintextToken token = PlaintextToken.generate(TokenType.API_KEY, random);
        assertThat(token.toString()).doesNotContain(token.reveal().substring(12));
    }

    @Test
    void theHashDependsOnThePepper() {
        PlaintextToken token = PlaintextToken.generate(TokenType.API_KEY, random);
        byte[] pepper = new byte[32];
        byte[] otherPepper = new byte[32];
        otherPepper[0] = 1;
        assertThat(new TokenHasher(pepper).hash(token)).isEqualTo(new TokenHasher(pepper).hash(token));
        assertThat(new TokenHasher(pepper).hash(token)).isNotEqualTo(new TokenHasher(otherPepper).hash(token));
    }
}
