package dev.keyward.authenticators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The pages' messages: every language has every key, and every key a template uses exists. */
class MessageBundlesTest {

    private static final String[] LOCALES = {"en", "de", "fr", "es", "ja"};
    private static final String[] TEMPLATES = {"keyward-access-denied.ftl", "keyward-consent.ftl", "keyward-terms.ftl",
            "keyward-terms-declined.ftl"};
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern MSG_CALL = Pattern.compile("msg\\(\"([A-Za-z0-9._-]+)\"");

    @Test
    void everyLocaleHasExactlyTheEnglishKeys() throws IOException {
        Properties english = bundle("en");
        for (String locale : LOCALES) {
            assertThat(bundle(locale).stringPropertyNames()).as(locale).isEqualTo(english.stringPropertyNames());
        }
    }

    @Test
    void apostrophesSurviveKeycloaksMessageFormat() throws IOException {
        for (String locale : LOCALES) {
            bundle(locale).forEach((key, value) -> assertThat(LONE_APOSTROPHE.matcher((String) value).find())
                    .as(locale + " " + key + ": write ' as '' (Keycloak formats every message with MessageFormat)").isFalse());
        }
    }

    @Test
    void everyKeyATemplateUsesIsInTheBundle() throws IOException {
        Properties english = bundle("en");
        for (String template : TEMPLATES) {
            Matcher call = MSG_CALL.matcher(resource("theme-resources/templates/" + template));
            while (call.find()) {
                assertThat(english).as(template).containsKey(call.group(1));
            }
        }
        assertThat(english).containsKey("keywardTermsText");
    }

    private static Properties bundle(String locale) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = open("theme-resources/messages/messages_" + locale + ".properties")) {
            properties.load(in);
        }
        return properties;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String path) {
        InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
