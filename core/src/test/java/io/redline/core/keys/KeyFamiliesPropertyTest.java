package io.redline.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whatever a user types, the key it reaches stays inside its own family: accepted input lands whole inside the
 * family's hash tag, right after the family's prefix, so it can neither address another family's key nor move
 * the key to another slot; everything else is refused. Random input from a fixed seed (reported on failure).
 */
class KeyFamiliesPropertyTest {

    private static final long SEED = 20261129L;
    private static final int CASES = 20_000;
    private static final String ALPHABET = "abcXYZ019_-.:%@{}*?[]\\/ \t\n\u0000\u007f\u00e9\u4e2d#$&'\"";

    @Test
    void roomsStayInTheirRoomsKeys() {
        for (RedlineKeys keys : namespaces()) {
            check(keys, "chat:history:", keys::chatHistory, "");
            check(keys, "chat:presence:", keys::chatPresence, "");
            check(keys, "chat:room:", keys::chatRoomChannel, "");
        }
    }

    @Test
    void orderIdsStayInTheirProjection() {
        for (RedlineKeys keys : namespaces()) {
            check(keys, "order:", keys::orderProjection, "");
        }
    }

    @Test
    void clientIdsStayInTheirRateLimitKey() {
        for (RedlineKeys keys : namespaces()) {
            check(keys, "ratelimit:gateway:", id -> keys.rateLimit("gateway", id, Duration.ofSeconds(60)),
                    ":60000");
        }
    }

    @Test
    void anyCachePathLandsOnADigestInsideTheCachesFamily() {
        Random random = new Random(SEED);
        for (RedlineKeys keys : namespaces()) {
            String prefix = keys.key("swr:gateway:{");
            for (int n = 0; n < CASES; n++) {
                String path = randomText(random, 300);
                String key = keys.swrEntry("gateway", path);
                assertTrue(key.startsWith(prefix) && key.matches(".*\\{[0-9a-f]{32}}"),
                        "seed " + SEED + ", case " + n + ": " + key);
            }
        }
    }

    /** Accepted input must sit whole in the tag right after the prefix; refused input must say so. */
    private static void check(RedlineKeys keys, String family, Function<String, String> keyOf, String suffix) {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int n = 0; n < CASES; n++) {
            String input = n % 4 == 0 ? randomIdentifier(random) : randomText(random, 80);
            String key;
            try {
                key = keyOf.apply(input);
            } catch (InvalidKeyPartException refused) {
                continue;
            }
            accepted++;
            String where = "seed " + SEED + ", case " + n + ", input \"" + input + "\": " + key;
            assertEquals(keys.key(family) + "{" + input + "}" + suffix, key, where);
            assertEquals(HashTag.slot("{" + input + "}"), HashTag.slot(key), where);
            assertTrue(input.indexOf('{') < 0 && input.indexOf('}') < 0 && input.chars().allMatch(c -> c > ' '
                    && c < 0x7f), where);
        }
        assertTrue(accepted > CASES / 5, "the generator must also produce valid input, but only " + accepted
                + " of " + CASES + " were accepted");
    }

    private static List<RedlineKeys> namespaces() {
        return List.of(new RedlineKeys(KeyNamespace.NONE), new RedlineKeys(new KeyNamespace("staging")));
    }

    private static String randomIdentifier(Random random) {
        String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(20); i > 0; i--) {
            text.append(allowed.charAt(random.nextInt(allowed.length())));
        }
        return text.toString();
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
