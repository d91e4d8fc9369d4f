package dev.keyward.oauth21.keycloak.admin;

import java.util.List;
import java.util.Map;

import dev.keyward.oauth21.compliance.ClientReview;
import dev.keyward.oauth21.compliance.ComplianceSummary;
import dev.keyward.oauth21.compliance.ReportedFinding;
import dev.keyward.oauth21.compliance.RuntimeActivity;
import dev.keyward.oauth21.refresh.RefreshTokenRules;

/**
 * {@code GET .../keyward-oauth21/compliance} as JSON. Tools outside Keyward read these names:
 * change them only with a new field, never by renaming.
 *
 * @param matched how many clients the query's filters let through (all of them without filters); {@code clients} is one page of them
 * @param first   the index of the first client in {@code clients}, of {@code matched} in all
 * @param profile the profile of the server and of the realm
 */
public record ComplianceRepresentation(String realm, String generatedAt, int windowDays, Map<String, ModesRepresentation.RuleModes> modes,
                                       ComplianceSummary summary, int matched, int first, int max, List<Client> clients,
                                       ModesRepresentation.Profiles profile) {

    /**
     * One client: its verdicts, findings with their fixes, exemptions and what happened at runtime. {@code refreshTokens}
     * says how a public client's refresh tokens are protected, {@code rotation} or {@code dpop}; null for the others.
     * {@code profile} is the profile the client is held to, {@code oauth21} or {@code fapi2}; {@code realmProfile} the one
     * its realm (or the server) holds it to, lower than {@code profile} when the client's own {@code keyward.profile} raises it.
     */
    public record Client(String clientId, String verdict, String verdictWhenEnforced, String version, List<Finding> findings,
                         List<ExemptionRepresentation> exemptions, Runtime runtime, String refreshTokens, String profile, String realmProfile) {

        static Client of(ClientReview review, List<ExemptionRepresentation> exemptions, RuntimeActivity runtime) {
            return new Client(review.clientId(), review.verdict().id(), review.verdictWhenEnforced().id(), review.version(),
                    review.findings().stream().map(Finding::of).toList(), exemptions, Runtime.of(runtime),
                    review.refreshTokens().map(RefreshTokenRules.Protection::id).orElse(null), review.profile().id(),
                    review.realmProfile().id());
        }
    }

    /**
     * {@code oneClickFix}: {@code POST .../compliance/fixes} can set {@code setting} to its one safe value, {@code fixValue}
     * (null when there is none).
     */
    public record Finding(String rule, String setting, String value, String fix, String description, String mode, String outcome,
                          boolean oneClickFix, String fixValue) {

        static Finding of(ReportedFinding finding) {
            return new Finding(finding.rule().id(), finding.setting(), finding.value(), finding.fix(), finding.description(),
                    finding.mode().id(), finding.outcome().id(), finding.fixableInOneClick(),
                    finding.fixableInOneClick() ? finding.safeValue() : null);
        }
    }

    /** Keyward findings in the realm's event store over the window. */
    public record Runtime(int count, String lastSeen, List<String> redirectUrisSeen) {

        static Runtime of(RuntimeActivity activity) {
            return new Runtime(activity.count(), activity.lastSeen() == null ? null : activity.lastSeen().toString(),
                    activity.redirectUrisSeen());
        }
    }

    /** One refused or reported request of a client: when, what request, which rule, and the setting or value it sent. */
    public record Evidence(String time, String request, String rule, String outcome, String setting, String value, String reason) {
    }

    /** The server-wide view (master realm): each realm the admin may see, with its summary and report. */
    public record Server(String generatedAt, List<RealmSummary> realms) {
    }

    public record RealmSummary(String realm, ComplianceSummary summary, String report, Map<String, ModesRepresentation.RuleModes> modes) {
    }

    /** The body of {@code POST .../compliance/fixes}: a finding of the report, and the client version the report showed. */
    public record FixRequest(String clientId, String rule, String setting, String version) {
    }

    public record FixResult(String clientId, String rule, String setting, boolean changed, String before, String after, String version,
                            String message) {
    }
}
