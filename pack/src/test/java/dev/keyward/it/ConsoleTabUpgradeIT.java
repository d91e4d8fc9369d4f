package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.keyward.testing.H2Database;
import dev.keyward.testing.KcShCommand;
import dev.keyward.testing.SpareKeycloak;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.Test;

/**
 * Upgrading from the development builds of 0.1.0 that copied the compliance report and the
 * exemptions into the admin-console tab's component, which every view-realm admin can read: an
 * export in that form loses the copy on import, and a database that holds it loses it at startup.
 */
class ConsoleTabUpgradeIT {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String CLIENT_DATA = "leaky-wildcard: breaks\n  exact-redirect-uri: redirectUris = https://wild.example.com/*";

    @Test
    void aCopiedReportIsDroppedOnImportAndRemovedAtStartupFromAStoredTab() throws Exception {
        Path scratch = KcShCommand.scratch("kc-tab-upgrade");
        Path export = scratch.resolve("tab-upgrade-realm.json");
        Files.writeString(export, ThrowawayRealm.read("/realms/tab-upgrade.json").toString());
        KcShCommand.run(KcShCommand.Database.h2(scratch), scratch.resolve("import.log"), "import", "--file=" + export);

        try (Connection database = H2Database.connect(scratch)) {
            assertThat(tabConfigNames(database)).as("what the import stored").contains("modes").doesNotContain("compliance", "exemptions");
            storeTheOldForm(database);
            assertThat(tabConfigNames(database)).as("the database as an earlier build left it").contains("compliance", "exemptions");
        }

        String log;
        try (SpareKeycloak keycloak = SpareKeycloak.startOn(scratch)) {
            keycloak.awaitAdmin();
            log = keycloak.process().log();
        }

        assertThat(log).contains("Removed the compliance report and exemptions that an earlier Keyward build"
                + " had copied into the admin-console tab of realm tab-upgrade");
        try (Connection database = H2Database.connect(scratch)) {
            assertThat(tabConfigNames(database)).as("the tab after a start").contains("modes").doesNotContain("compliance", "exemptions");
            assertThat(tabConfigValues(database)).noneMatch(value -> value.contains("leaky-wildcard") || value.contains("wild.example.com"));
        }
    }

    private static List<String> tabConfigNames(Connection database) throws SQLException {
        return tabConfig(database, "NAME");
    }

    private static List<String> tabConfigValues(Connection database) throws SQLException {
        return tabConfig(database, "\"VALUE\"");
    }

    private static List<String> tabConfig(Connection database, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = database.prepareStatement("SELECT c." + column + " FROM COMPONENT_CONFIG c JOIN COMPONENT t ON c.COMPONENT_ID = t.ID"
                + " WHERE t.PROVIDER_ID = 'keyward-oauth21' AND t.PROVIDER_TYPE = ?")) {
            query.setString(1, TAB_TYPE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** The two read-outs as the earlier builds wrote them: rows of the tab's component config. */
    private static void storeTheOldForm(Connection database) throws SQLException {
        try (PreparedStatement insert = database.prepareStatement("INSERT INTO COMPONENT_CONFIG (ID, COMPONENT_ID, NAME, \"VALUE\")"
                + " SELECT ?, ID, ?, ? FROM COMPONENT WHERE PROVIDER_ID = 'keyward-oauth21' AND PROVIDER_TYPE = ?")) {
            for (String[] readOut : new String[][] {{"compliance", "1 clients: 0 compliant, 1 break\n\n" + CLIENT_DATA},
                    {"exemptions", "leaky-wildcard: exact-redirect-uri until 2027-01-31T00:00:00Z (partner migration, by admin)"}}) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, readOut[0]);
                insert.setString(3, readOut[1]);
                insert.setString(4, TAB_TYPE);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
    }
}
