package dev.keyward.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The theme's own messages: every locale of theme.properties has every English key, apostrophes escaped for MessageFormat. */
class ThemeMessagesTest {

    private static final String THEME = "theme/keyward/login/";
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyLocaleTheThemeOffersHasEveryKey() throws IOException {
        String[] locales = load(THEME + "theme.properties").getProperty("locales").split(",");
        assertThat(locales).containsExactly("en", "de", "fr", "es", "ja");
        Properties english = load(THEME + "messages/messages_en.properties");
        for (String locale : locales) {
            Properties messages = load(THEME + "messages/messages_" + locale + ".properties");
            assertThat(messages.stringPropertyNames()).as(locale).isEqualTo(english.stringPropertyNames());
            messages.forEach((key, value) -> assertThat(LONE_APOSTROPHE.matcher((String) value).find())
                    .as(locale + " " + key + ": write ' as ''").isFalse());
        }
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ThemeMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(in);
        }
        return properties;
    }
}
