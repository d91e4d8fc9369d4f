package dev.keyward.keycloak.defaults;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import dev.keyward.settings.Setting;

/** The admin console's fields of a provider, from its settings' one declaration. */
public final class ConsoleFields {

    private ConsoleFields() {
    }

    public static List<ProviderConfigProperty> of(List<Setting<?>> settings) {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Setting<?> setting : settings) {
            ProviderConfigurationBuilder.ProviderConfigPropertyBuilder field = builder.property().name(setting.key()).label(setting.label())
                    .helpText(setting.help()).type(type(setting.kind()));
            if (setting.consoleDefault() != null && !setting.consoleDefault().isEmpty()) {
                field.defaultValue(setting.consoleDefault());
            }
            if (setting.kind() == Setting.Kind.CHOICE) {
                field.options(setting.options());
            }
            field.add();
        }
        return builder.build();
    }

    private static String type(Setting.Kind kind) {
        return switch (kind) {
            case FLAG -> ProviderConfigProperty.BOOLEAN_TYPE;
            case TEXT -> ProviderConfigProperty.STRING_TYPE;
            case LONG_TEXT -> ProviderConfigProperty.TEXT_TYPE;
            case WHOLE_NUMBER -> ProviderConfigProperty.INTEGER_TYPE;
            case CHOICE -> ProviderConfigProperty.LIST_TYPE;
            case MULTIVALUED -> ProviderConfigProperty.MULTIVALUED_STRING_TYPE;
        };
    }
}
