package dev.keyward.mappers.access;

import static dev.keyward.mappers.access.AccessEntry.clientRole;
import static dev.keyward.mappers.access.AccessEntry.group;
import static dev.keyward.mappers.access.AccessEntry.realmRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class AccessClaimBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<AccessEntry> ALICE = List.of(
            realmRole("offline_access"), realmRole("app-admin"), realmRole("app-viewer"),
            clientRole("billing", "app-admin"), clientRole("billing", "invoices"), clientRole("crm", "app-viewer"),
            group("/staff"), group("/staff/engineering"));

    private static AccessClaimConfig config(Map<String, String> settings) {
        Problems problems = new Problems();
        AccessClaimConfig config = AccessClaimConfig.read(settings, problems);
        assertThat(problems.messages()).isEmpty();
        return config;
    }

    @Test
    void byDefaultRealmAndClientRolesInKeycloaksOrderWithoutDuplicates() {
        AccessClaim claim = AccessClaimBuilder.build(ALICE, Set.of(), config(Map.of()));

        assertThat(claim.value()).isEqualTo(List.of("offline_access", "app-admin", "app-viewer", "invoices"));
        assertThat(claim.truncated()).isFalse();
    }

    @Test
    void includeAndExcludePatternsMatchQualifiedNames() {
        AccessClaim claim = AccessClaimBuilder.build(ALICE, Set.of(), config(Map.of(
                AccessClaimConfig.GROUPS.key(), "true",
                AccessClaimConfig.INCLUDE.key(), "app-*##billing/*##/staff/*",
                AccessClaimConfig.EXCLUDE.key(), "*viewer")));

        assertThat(claim.value()).isEqualTo(List.of("app-admin", "invoices", "/staff/engineering"));
    }

    @Test
    void audienceClientsOnlyKeepsClientRolesOfClientsInTheAudience() {
        AccessClaim claim = AccessClaimBuilder.build(ALICE, Set.of("crm"), config(Map.of(
                AccessClaimConfig.REALM_ROLES.key(), "false", AccessClaimConfig.AUDIENCE_CLIENTS_ONLY.key(), "true")));

        assertThat(claim.value()).isEqualTo(List.of("app-viewer"));
    }

    @Test
    void stripPrefixRenamesAndDuplicatesAreDroppedAfterward() {
        AccessClaim claim = AccessClaimBuilder.build(ALICE, Set.of(), config(Map.of(
                AccessClaimConfig.INCLUDE.key(), "app-*##*/app-*", AccessClaimConfig.STRIP_PREFIX.key(), "app-")));

        assertThat(claim.value()).isEqualTo(List.of("admin", "viewer"));
    }

    @Test
    void duplicatesStayWhenAsked() {
        AccessClaim claim = AccessClaimBuilder.build(ALICE, Set.of(), config(Map.of(
                AccessClaimConfig.INCLUDE.key(), "*app-admin", AccessClaimConfig.DEDUPLICATE.key(), "false")));

        assertThat(claim.value()).isEqualTo(List.of("app-admin", "app-admin"));
    }

    @Test
    void byClientShapeKeysRealmRolesClientsAndGroups() {
        AccessClaim claim = AccessClaimBuilder.build(ALICE, Set.of(), config(Map.of(
                AccessClaimConfig.GROUPS.key(), "true", AccessClaimConfig.SHAPE.key(), "by-client")));

        assertThat(claim.value()).isEqualTo(Map.of(
                "realm", List.of("offline_access", "app-admin", "app-viewer"),
                "billing", List.of("app-admin", "invoices"),
                "crm", List.of("app-viewer"),
                "groups", List.of("/staff", "/staff/engineering")));
    }

    @Test
    void stringShapeIsSpaceDelimited() {
        AccessClaim claim = AccessClaimBuilder.build(ALICE, Set.of(), config(Map.of(
                AccessClaimConfig.CLIENT_ROLES.key(), "false", AccessClaimConfig.SHAPE.key(), "string")));

        assertThat(claim.value()).isEqualTo("offline_access app-admin app-viewer");
    }

    @Test
    void nothingSelectedMeansNoClaim() {
        assertThat(AccessClaimBuilder.build(List.of(), Set.of(), config(Map.of())).value()).isNull();
        assertThat(AccessClaimBuilder.build(ALICE, Set.of(), config(Map.of(AccessClaimConfig.INCLUDE.key(), "nothing*"))).value()).isNull();
    }

    @Test
    void anEntryBudgetCutsTheSameEntriesEveryTimeAndSaysSo() {
        List<AccessEntry> shuffled = new ArrayList<>(ALICE);
        java.util.Collections.reverse(shuffled);
        AccessClaimConfig config = config(Map.of(AccessClaimConfig.MAX_ENTRIES.key(), "2"));

        AccessClaim claim = AccessClaimBuilder.build(shuffled, Set.of(), config);

        assertThat(claim.value()).isEqualTo(List.of("app-admin", "app-viewer"));
        assertThat(claim.truncated()).isTrue();
        assertThat(AccessClaimBuilder.build(ALICE, Set.of(), config)).isEqualTo(claim);
    }

    @Test
    void theByteBudgetHoldsForTheSerializedClaimInEveryShape() throws JsonProcessingException {
        List<AccessEntry> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(realmRole("role-" + i + (i % 7 == 0 ? "-ünïcødé-😀" : "") + (i % 11 == 0 ? "-\"quoted\"\\" : "")));
            many.add(clientRole("client-" + (i % 9), "c-" + i));
        }
        for (String shape : List.of("array", "by-client", "string")) {
            for (int budget : new int[] {1, 2, 3, 17, 100, 1000, 4096}) {
                AccessClaim claim = AccessClaimBuilder.build(many, Set.of(), config(Map.of(
                        AccessClaimConfig.SHAPE.key(), shape, AccessClaimConfig.MAX_BYTES.key(), Integer.toString(budget))));

                int size = claim.value() == null ? 0 : JSON.writeValueAsBytes(claim.value()).length;
                assertThat(size).as(shape + " within " + budget).isLessThanOrEqualTo(budget);
                assertThat(claim.truncated()).isTrue();
            }
            AccessClaim whole = AccessClaimBuilder.build(many, Set.of(), config(Map.of(AccessClaimConfig.SHAPE.key(), shape)));
            int exact = JSON.writeValueAsBytes(whole.value()).length;
            AccessClaim fitsExactly = AccessClaimBuilder.build(many, Set.of(), config(Map.of(
                    AccessClaimConfig.SHAPE.key(), shape, AccessClaimConfig.MAX_BYTES.key(), Integer.toString(exact))));
            assertThat(fitsExactly.truncated()).as(shape + ": the size count is exact").isFalse();
        }
    }

    @Test
    void aHugeRoleSetIsHandledInOnePass() {
        List<AccessEntry> huge = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            huge.add(realmRole("r" + i));
        }
        AccessClaim claim = AccessClaimBuilder.build(huge, Set.of(), config(Map.of(AccessClaimConfig.MAX_ENTRIES.key(), "50")));

        assertThat((List<?>) claim.value()).hasSize(50);
        assertThat(claim.truncated()).isTrue();
    }

    @Test
    void emptyNamesAndAPrefixEqualToTheNameAreKeptAsTheyAre() {
        AccessClaim claim = AccessClaimBuilder.build(List.of(realmRole(""), realmRole("app-")), Set.of(),
                config(Map.of(AccessClaimConfig.STRIP_PREFIX.key(), "app-")));

        assertThat(claim.value()).isEqualTo(List.of("", "app-"));
    }

    @Test
    void badSettingsAreReportedWithWhatIsWrong() {
        Map<String, String> bad = new HashMap<>();
        bad.put(AccessClaimConfig.SHAPE.key(), "csv");
        bad.put(AccessClaimConfig.MAX_ENTRIES.key(), "-1");
        bad.put(AccessClaimConfig.MAX_BYTES.key(), "8k");

        Problems problems = new Problems();
        AccessClaimConfig.read(bad, problems);
        assertThat(problems.messages()).containsExactly(
                "Output shape 'csv' is not one of array, by-client, string.",
                "Maximum entries must be a whole number of 0 or more (0: no limit), not '-1'.",
                "Maximum bytes must be a whole number of 0 or more (0: no limit), not '8k'.");
    }
}
