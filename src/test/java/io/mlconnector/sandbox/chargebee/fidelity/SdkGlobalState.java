package io.mlconnector.sandbox.chargebee.fidelity;

import com.chargebee.Environment;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JVM-wide state the Chargebee SDK keeps: its default environment ({@code Environment.configure}) and the
 * {@code com.chargebee.*} system properties it reads. Captured before and after a test class to prove the fidelity
 * tests leave nothing behind for other tests in the same surefire JVM.
 *
 * @param defaultEnvironment the configured default environment (compared by identity), or {@code null}
 * @param systemProperties   every {@code com.chargebee.*} system property
 */
record SdkGlobalState(Environment defaultEnvironment, Map<String, String> systemProperties) {

    private static final String PROPERTY_PREFIX = "com.chargebee.";

    static SdkGlobalState capture() {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PROPERTY_PREFIX))
                .forEach(name -> properties.put(name, System.getProperty(name)));
        return new SdkGlobalState(readDefaultEnvironment(), Map.copyOf(properties));
    }

    /** Read reflectively: {@code Environment.defaultConfig()} throws when unset, and must not be made to set it. */
    private static Environment readDefaultEnvironment() {
        try {
            Field field = Environment.class.getDeclaredField("defaultEnv");
            field.setAccessible(true);
            return (Environment) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Chargebee SDK internals changed: no Environment.defaultEnv", e);
        }
    }

    /** Never prints an API key: only whether a default environment is set. */
    @Override
    public String toString() {
        return "SdkGlobalState[defaultEnvironment=" + (defaultEnvironment == null ? "unset" : "set, identity "
                + System.identityHashCode(defaultEnvironment)) + ", systemProperties=" + systemProperties + "]";
    }
}
