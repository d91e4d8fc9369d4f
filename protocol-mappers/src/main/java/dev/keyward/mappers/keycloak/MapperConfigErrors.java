package dev.keyward.mappers.keycloak;

import org.keycloak.protocol.ProtocolMapperConfigException;

import dev.keyward.settings.Problems;

/** Refuses a mapper config on save with Keyward's message, shown as is by the admin console. */
public final class MapperConfigErrors {

    // A key absent from the admin messages, so Keycloak falls back to our text.
    private static final String MESSAGE_KEY = "keywardInvalidMapperConfig";

    private MapperConfigErrors() {
    }

    public static void refuseIfAny(Problems problems) throws ProtocolMapperConfigException {
        if (!problems.isEmpty()) {
            throw new ProtocolMapperConfigException(forMessageFormat(problems.joined()), MESSAGE_KEY);
        }
    }

    /** Keycloak passes the text through MessageFormat, where ' and braces are syntax: quote them. */
    static String forMessageFormat(String message) {
        return message.replace("'", "''").replace("{", "'{'").replace("}", "'}'");
    }
}
