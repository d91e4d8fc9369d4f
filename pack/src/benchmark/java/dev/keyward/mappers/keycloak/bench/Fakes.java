package dev.keyward.mappers.keycloak.bench;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Minimal stand-ins for Keycloak's model interfaces, for benchmarks only: each answers the calls
 * the mappers make and returns a neutral value for the rest. Keyward's and Keycloak's mappers run
 * on the same stand-ins, so their overhead is the same on both sides of a comparison.
 */
final class Fakes {

    private Fakes() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, BiFunction<Object, Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            BiFunction<Object, Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(proxy, args);
            }
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> type.getSimpleName();
                default -> neutral(method.getReturnType());
            };
        });
    }

    static BiFunction<Object, Object[], Object> value(Object value) {
        return (proxy, args) -> value;
    }

    private static Object neutral(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == long.class ? 0L : 0;
        }
        if (Stream.class.isAssignableFrom(type)) {
            return Stream.empty();
        }
        return null;
    }
}
