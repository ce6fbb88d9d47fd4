package io.mlconnector.sandbox.acumatica;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * Source of record GUIDs and opaque tokens. With a seed, a run is reproducible (same ids, same tokens) which makes
 * recorded requests comparable across runs; without one it is unpredictable like a real server. Thread-safe
 * ({@link Random} synchronizes internally).
 */
final class Ids {

    private final Random random;

    private Ids(Random random) {
        this.random = random;
    }

    static Ids seeded(long seed) {
        return new Ids(new Random(seed));
    }

    static Ids unpredictable() {
        return new Ids(new SecureRandom());
    }

    String newGuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
