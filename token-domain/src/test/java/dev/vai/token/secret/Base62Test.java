package dev.vai.token.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Base62Test {

    @Test
    void randomTextHasTheLengthAskedAndDrawsOnTheWholeAlphabetOnly() {
        SecureRandom random = new SecureRandom();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String text = Base62.random(random, 43);
            assertThat(text).hasSize(43);
            text.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(62).allMatch(Base62::isDigit);
        assertThat(Base62.random(random, 0)).isEmpty();
    }
}
