package dev.keyward.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleFilesTest {

    @Test
    void servesTheConsolesKindsOfFileUnderItsFolder() {
        assertThat(ConsoleFiles.named("js/views/realm.js")).hasValue(
                new ConsoleFiles.ConsoleFile("keyward-console/js/views/realm.js", "text/javascript; charset=utf-8"));
        assertThat(ConsoleFiles.named("messages/messages_en.json")).hasValueSatisfying(
                file -> assertThat(file.mediaType()).isEqualTo("application/json; charset=utf-8"));
        assertThat(ConsoleFiles.named("console.css")).hasValueSatisfying(file -> assertThat(file.mediaType()).startsWith("text/css"));
    }

    @Test
    void namesOutsideTheFolderOrOfOtherKindsAreNotServed() {
        assertThat(ConsoleFiles.named("../../META-INF/services/x.json")).isEmpty();
        assertThat(ConsoleFiles.named("/etc/passwd.css")).isEmpty();
        assertThat(ConsoleFiles.named("js/../../dev/keyward/Secret.class")).isEmpty();
        assertThat(ConsoleFiles.named("js//main.js")).isEmpty();
        assertThat(ConsoleFiles.named("Main.JS")).isEmpty();
        assertThat(ConsoleFiles.named("settings.properties")).isEmpty();
        assertThat(ConsoleFiles.named("")).isEmpty();
        assertThat(ConsoleFiles.named(null)).isEmpty();
    }

    @Test
    void theConsolesAddressEncodesTheRealmAsOnePathSegment() {
        assertThat(ConsoleAddress.path("acme")).isEqualTo("/realms/acme/keyward/console/");
        assertThat(ConsoleAddress.path("Acme Corp/é")).isEqualTo("/realms/Acme%20Corp%2F%C3%A9/keyward/console/");
    }
}
