package dev.keyward.mappers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a mapper derives from its settings (a parsed config, a compiled template), kept so a
 * token does not pay for it again. Mappers are few and admins change them rarely; should the
 * entries still reach the bound, the cache starts over rather than grow.
 */
public final class PreparedSettings<K, V> {

    private static final int MAX_ENTRIES = 256;

    private final Map<K, V> prepared = new ConcurrentHashMap<>();

    public V get(K key, Function<K, V> prepare) {
        V value = prepared.get(key);
        if (value == null) {
            value = prepare.apply(key);
            if (prepared.size() >= MAX_ENTRIES) {
                prepared.clear();
            }
            prepared.put(key, value);
        }
        return value;
    }
}
