package io.mlconnector.soak;

/**
 * The worker's invocation dies here, as a Lambda container killed mid-run: an {@link Error}, so no {@code catch
 * (RuntimeException)} in the connector turns it into an outcome. Nothing the dead invocation would do afterwards
 * reaches a store or a remote system (see {@link KillSwitch}); its claims and leases stay until they lapse and its
 * messages come back after the visibility timeout.
 */
public final class WorkerKilled extends Error {
    private static final long serialVersionUID = 1L;

    public WorkerKilled(String where) {
        super("worker killed " + where, null, false, false);
    }
}
