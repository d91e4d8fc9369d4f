package dev.keyward.settings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a provider derives from its settings (a parsed config, a compiled template, a warning
 * already logged), kept so a request does not pay for it again. Settings are few and change
 * rarely; should the entries still reach the bound, the cache starts over rather than grow.
 */
public final class PreparedSettings<K, V> {

    private static final int DEFAULT_MAX_ENTRIES = 256;

    private final Map<K, V> prepared = new ConcurrentHashMap<>();
    private final int maxEntries;

    public PreparedSettings() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public PreparedSettings(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> prepare) {
        V value = prepared.get(key);
        if (value == null) {
            value = prepare.apply(key);
            if (prepared.size() >= maxEntries) {
                prepared.clear();
            }
            prepared.put(key, value);
        }
        return value;
    }
}
