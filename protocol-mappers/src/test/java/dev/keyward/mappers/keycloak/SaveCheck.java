package dev.keyward.mappers.keycloak;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.ProtocolMapperConfigException;

/**
 * Saves a mapper's settings the way the admin console does, through {@code validateConfig}, which
 * reads only the mapper model: every problem in one message, quoted for Keycloak's MessageFormat.
 */
public final class SaveCheck {

    private SaveCheck() {
    }

    public static void assertRefused(ProtocolMapper mapper, Map<String, String> settings, String message) {
        assertThatThrownBy(() -> mapper.validateConfig(null, null, null, model(settings)))
                .isInstanceOf(ProtocolMapperConfigException.class).hasMessageStartingWith(message);
    }

    public static void assertAccepted(ProtocolMapper mapper, Map<String, String> settings) {
        assertThatCode(() -> mapper.validateConfig(null, null, null, model(settings))).doesNotThrowAnyException();
    }

    private static ProtocolMapperModel model(Map<String, String> settings) {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName("mapper");
        model.setConfig(new HashMap<>(settings));
        return model;
    }
}
