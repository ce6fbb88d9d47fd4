package io.mlconnector.testing;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;
import java.time.Duration;

/** Lambda contexts as the runtime hands them to a handler, for tests that call a handler directly. */
public final class LambdaContexts {
    private LambdaContexts() {}

    /** An invocation with this much time left. */
    public static Context remaining(Duration left) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) left.toMillis();
                    case "getAwsRequestId" -> "req-" + left.toMillis();
                    default -> null;
                });
    }
}
