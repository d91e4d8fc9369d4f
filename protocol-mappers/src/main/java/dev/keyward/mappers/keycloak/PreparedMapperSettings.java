package dev.keyward.mappers.keycloak;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jboss.logging.Logger;
import org.keycloak.models.ProtocolMapperModel;

import dev.keyward.settings.PreparedSettings;
import dev.keyward.settings.Problems;

/**
 * What a mapper derives from its saved settings, prepared once per settings rather than per token.
 * Keycloak's realm cache hands out the same config map for a mapper until an admin changes it
 * (then a new model and map): keyed by that map's identity, a lookup costs no hashing of its content.
 */
public final class PreparedMapperSettings<V> {

    private static final Logger LOG = Logger.getLogger(PreparedMapperSettings.class);

    private final PreparedSettings<ConfigIdentity, V> prepared = new PreparedSettings<>();
    private final Function<ConfigIdentity, V> prepare;

    public PreparedMapperSettings(Function<ProtocolMapperModel, V> prepare) {
        this.prepare = key -> prepare.apply(key.model());
    }

    /** Settings read by a settings reader, {@code read(settings, problems)}, through {@link #read}. */
    public static <V> PreparedMapperSettings<V> reading(BiFunction<Map<String, String>, Problems, V> reader) {
        return new PreparedMapperSettings<>(model -> read(model, reader));
    }

    public V of(ProtocolMapperModel model) {
        return prepared.get(new ConfigIdentity(model), prepare);
    }

    /**
     * Reads the settings a mapper runs with. They passed the check on save, unless they came another
     * way (an import): then each problem is logged, and the reader's fallback for that setting used.
     */
    public static <V> V read(ProtocolMapperModel model, BiFunction<Map<String, String>, Problems, V> reader) {
        Problems problems = new Problems();
        V settings = reader.apply(model.getConfig() == null ? Map.of() : model.getConfig(), problems);
        problems.messages().forEach(problem ->
                LOG.warnf("Keyward mapper '%s': %s Until it is saved with a usable value, the mapper uses the safe fallback"
                        + " for that setting (its default, or no claim).", model.getName(), problem));
        return settings;
    }

    /** A mapper model, equal to another only when both hold the very same config map. */
    private record ConfigIdentity(ProtocolMapperModel model) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ConfigIdentity that && that.model.getConfig() == model.getConfig();
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(model.getConfig());
        }
    }
}
