package io.mlconnector.soak;

/**
 * Where a worker dies: the {@code occurrence}-th call (counted over all workers) to {@code method} of the port
 * {@code port} (its simple interface name, e.g. {@code AcumaticaClient}), just before the call or just after it
 * returned.
 */
public record KillSite(String port, String method, int occurrence, Moment moment) {

    /** Before the I/O starts (nothing happened), or after it finished (it happened, nobody recorded it). */
    public enum Moment { BEFORE, AFTER }

    public KillSite {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence counts from 1");
        }
    }

    boolean matches(String calledPort, String calledMethod) {
        return port.equals(calledPort) && method.equals(calledMethod);
    }

    @Override
    public String toString() {
        return moment.name().toLowerCase(java.util.Locale.ROOT) + " " + port + "." + method + " #" + occurrence;
    }
}
