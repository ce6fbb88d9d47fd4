package io.mlconnector.soak;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The connector's clock under {@link SoakProfile}: a {@link VirtualClock} the harness advances. */
@Alternative
@Singleton
public class SoakTime {
    private final VirtualClock clock = new VirtualClock();

    public VirtualClock clock() {
        return clock;
    }

    @Produces
    @Singleton
    @Alternative
    Clock connectorClock() {
        return clock;
    }
}
