package dev.keyward.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Each template the keyward theme overrides is keycloak.v2's own (or base's, where keycloak.v2 inherits it)
 * plus Keyward's marked blocks. When
 * a Keycloak upgrade changes keycloak.v2's template, this fails: copy the new one and re-apply the
 * blocks between {@code <#-- keyward:begin} and {@code <#-- keyward:end -->}.
 */
class TemplateOverridesTest {

    private static final String[] OVERRIDDEN = {"template.ftl", "login-config-totp.ftl", "error.ftl"};
    private static final Pattern KEYWARD_BLOCK = Pattern.compile("[ \\t]*<#-- keyward:begin.*?<#-- keyward:end -->\\n", Pattern.DOTALL);

    @Test
    void overriddenTemplatesAreKeycloakV2sOwnPlusKeywardsMarkedBlocks() throws IOException {
        for (String template : OVERRIDDEN) {
            String ours = read("theme/keyward/login/" + template);
            // keycloak.v2 inherits some templates from base; compare with the one Keycloak actually uses.
            String keycloaks = exists("theme/keycloak.v2/login/" + template)
                    ? read("theme/keycloak.v2/login/" + template) : read("theme/base/login/" + template);

            assertThat(KEYWARD_BLOCK.matcher(ours).find()).as(template + " has Keyward blocks").isTrue();
            assertThat(KEYWARD_BLOCK.matcher(ours).replaceAll(""))
                    .as(template + " without Keyward's blocks must equal keycloak.v2's of this Keycloak version")
                    .isEqualTo(keycloaks);
        }
    }

    private static boolean exists(String path) {
        return TemplateOverridesTest.class.getClassLoader().getResource(path) != null;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = TemplateOverridesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
