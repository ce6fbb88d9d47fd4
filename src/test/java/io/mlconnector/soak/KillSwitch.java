package io.mlconnector.soak;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps the connector's ports so a worker can die at a chosen call. Once a thread's invocation is killed, every later
 * call it makes through any wrapped port dies too: a dead container writes nothing, not even the lease release or
 * audit row its {@code finally} blocks would attempt. The harness runs each invocation on a fresh thread, so a
 * killed one never comes back to life.
 */
public final class KillSwitch {
    private final ThreadLocal<Boolean> dead = ThreadLocal.withInitial(() -> false);
    private final Map<String, Integer> calls = new HashMap<>();
    private final List<KillSite> armed = new ArrayList<>();
    private final List<KillSite> fired = new ArrayList<>();

    /** Replaces the armed sites and forgets the call counts: a new run. */
    public synchronized void arm(List<KillSite> sites) {
        armed.clear();
        armed.addAll(sites);
        fired.clear();
        calls.clear();
    }

    /** The sites that killed a worker since {@link #arm}. */
    public synchronized List<KillSite> fired() {
        return List.copyOf(fired);
    }

    /** {@code target} behind a proxy of {@code port} that obeys the armed sites. */
    public <T> T guard(Class<T> port, T target) {
        InvocationHandler handler = (proxy, method, args) -> call(port.getSimpleName(), method, target, args);
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    private Object call(String port, Method method, Object target, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        if (dead.get()) {
            throw new WorkerKilled("already (" + port + "." + method.getName() + " after death)");
        }
        KillSite site = count(port, method.getName());
        if (site != null && site.moment() == KillSite.Moment.BEFORE) {
            throw die(site);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (site != null) {
            throw die(site);
        }
        return result;
    }

    private synchronized KillSite count(String port, String method) {
        int n = calls.merge(port + "." + method, 1, Integer::sum);
        return armed.stream().filter(s -> s.matches(port, method) && s.occurrence() == n).findFirst().orElse(null);
    }

    private WorkerKilled die(KillSite site) {
        dead.set(true);
        synchronized (this) {
            fired.add(site);
        }
        return new WorkerKilled(site.toString());
    }
}
