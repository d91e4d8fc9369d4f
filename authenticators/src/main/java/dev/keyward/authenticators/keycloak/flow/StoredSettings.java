package dev.keyward.authenticators.keycloak.flow;

import java.util.Map;
import java.util.function.BiFunction;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;

import dev.keyward.settings.Problems;

/**
 * Reads a step's stored settings during a login, where nothing can be refused any more: each
 * problem is logged as a warning naming the realm and the config, and the reader's fallback is
 * used until an admin fixes the value.
 *
 * @param step     how the warning names the step, such as "consent step"
 * @param fallback what the warning says is used instead, such as "the choice that asks more"
 * @param reader   the step's {@code read(settings, problems)}
 */
public record StoredSettings<T>(String step, String fallback, BiFunction<Map<String, String>, Problems, T> reader) {

    private static final Logger LOG = Logger.getLogger(StoredSettings.class);

    public T read(RealmModel realm, AuthenticatorConfigModel model) {
        return model == null ? read(realm, null, Map.of()) : read(realm, model.getAlias(), model.getConfig());
    }

    public T read(RealmModel realm, RequiredActionConfigModel model) {
        return model == null ? read(realm, null, Map.of()) : read(realm, model.getAlias(), model.getConfig());
    }

    private T read(RealmModel realm, String alias, Map<String, String> settings) {
        Problems problems = new Problems();
        T read = reader.apply(settings == null ? Map.of() : settings, problems);
        for (String problem : problems.messages()) {
            LOG.warnf("Keyward %s in realm '%s', config '%s': %s%s Using %s until it is fixed.",
                    step, realm.getName(), alias, problem, problem.endsWith(".") ? "" : ".", fallback);
        }
        return read;
    }
}
