package dev.keyward.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link KeycloakServer}: one per test JVM, kept in the root store so it is
 * started once and stopped when the JVM's tests end, whether they pass or fail. A class
 * annotated {@link BaselineMode} first has the server's mode asserted.
 */
public class KeycloakExtension implements ParameterResolver, BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    public static KeycloakServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KeycloakServer.class, key -> KeycloakServer.startOrConnect(), KeycloakServer.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        BaselineMode mode = context.getRequiredTestClass().getAnnotation(BaselineMode.class);
        if (mode != null) {
            server(context).assertBaselineMode(mode.value());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == AdminClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KeycloakServer server = server(context);
        return parameter.getParameter().getType() == AdminClient.class ? server.admin() : server;
    }
}
