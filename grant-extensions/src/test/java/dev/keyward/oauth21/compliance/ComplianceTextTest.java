package dev.keyward.oauth21.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Mode;
import org.junit.jupiter.api.Test;

class ComplianceTextTest {

    private final ComplianceScan scan = new ComplianceScan(Baseline.oauth21());

    private ClientReview review(String clientId, String pkceMethod, boolean implicit) {
        return scan.review(new ReviewedClient(new ClientSettings(clientId, false, List.of("https://" + clientId + ".example/cb"), pkceMethod,
                true, implicit, false), false, Set.of(), Map.of()), rule -> Mode.REPORT);
    }

    @Test
    void listsTheSummaryAndWhatWouldBreakWithTheFix() {
        String text = ComplianceText.render(List.of(review("good", "S256", false), review("legacy", null, true)), 50);

        assertThat(text).startsWith("2 clients: 2 compliant, 0 break, 0 exempted, 0 built-in; 1 would break once every rule is enforced.")
                .contains("legacy: compliant (once enforced: breaks)")
                .contains("  pkce-required: attributes.pkce.code.challenge.method = (not set) -> set PKCE Method to S256")
                .contains("  no-implicit-or-hybrid: implicitFlowEnabled = true -> switch Implicit flow off")
                .doesNotContain("good:");
    }

    @Test
    void staysShortForARealmOfManyClients() {
        List<ClientReview> reviews = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            reviews.add(review("legacy-" + i, null, false));
        }

        String text = ComplianceText.render(reviews, 50);

        assertThat(text.lines().filter(line -> line.startsWith("legacy-"))).hasSize(50);
        assertThat(text).endsWith("... and 70 more clients; the full report is served by the admin REST API.\n");
    }
}
