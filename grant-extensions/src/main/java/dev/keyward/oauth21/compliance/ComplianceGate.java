package dev.keyward.oauth21.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CI gate's verdict on a realm's report (what {@code keyward-compliance.sh} prints): a table of the
 * clients, the summary, the findings of the clients that fail, and one result line. A client fails
 * when its verdict (or, {@code whenEnforced}, its verdict once every rule is enforced) is neither
 * compliant, exempted nor built-in.
 */
public final class ComplianceGate {

    /** How many failing clients the result line names before it counts the rest. */
    static final int NAMED_IN_RESULT = 20;
    private static final String PREFIX = "keyward-compliance: ";

    /** One client of the report with what was seen of it at runtime. */
    public record Entry(ClientReview review, RuntimeActivity runtime) {
    }

    /** The gate's answer: whether it passes, the lines to print, and the result line (also the last of {@code lines}). */
    public record Answer(boolean passes, List<String> lines, String result) {
    }

    private final boolean whenEnforced;

    public ComplianceGate(boolean whenEnforced) {
        this.whenEnforced = whenEnforced;
    }

    /** The client ids asked for that the report lacks, in the order given. */
    public static List<String> missing(List<Entry> report, List<String> asked) {
        Set<String> present = report.stream().map(entry -> entry.review().clientId()).collect(Collectors.toSet());
        return asked.stream().distinct().filter(id -> !present.contains(id)).toList();
    }

    /** The entries of the clients asked for; all of them when none is. */
    public static List<Entry> only(List<Entry> report, List<String> asked) {
        return asked.isEmpty() ? report : report.stream().filter(entry -> asked.contains(entry.review().clientId())).toList();
    }

    public Answer judge(String realm, List<Entry> clients) {
        List<Entry> failing = clients.stream().filter(entry -> !passes(gateVerdict(entry.review()))).toList();
        String result = PREFIX + resultLine(realm, clients.size(), failing);
        List<String> lines = new ArrayList<>(table(clients));
        lines.add("");
        lines.add(summary(clients));
        if (!failing.isEmpty()) {
            lines.add("");
            lines.add("Findings of the clients that " + (whenEnforced ? "would break once every rule is enforced" : "break") + ":");
            failing.forEach(entry -> lines.addAll(findings(entry)));
        }
        lines.add("");
        lines.add(result);
        return new Answer(failing.isEmpty(), lines, result);
    }

    private ClientVerdict gateVerdict(ClientReview review) {
        return whenEnforced ? review.verdictWhenEnforced() : review.verdict();
    }

    private static boolean passes(ClientVerdict verdict) {
        return verdict != ClientVerdict.BREAKS;
    }

    private String resultLine(String realm, int checked, List<Entry> failing) {
        String breaking = whenEnforced ? "would break once every rule is enforced" : "break" + (failing.size() == 1 ? "s" : "");
        if (failing.isEmpty()) {
            return "realm " + shown(realm) + ": no client " + (whenEnforced ? breaking : "breaks") + " (" + count(checked, "client") + " checked)";
        }
        List<String> named = failing.stream().limit(NAMED_IN_RESULT).map(entry -> listed(entry.review().clientId())).toList();
        String more = failing.size() > NAMED_IN_RESULT ? ", and " + (failing.size() - NAMED_IN_RESULT) + " more" : "";
        return "realm " + shown(realm) + ": " + failing.size() + " of " + count(checked, "client") + " " + breaking + ": "
                + String.join(", ", named) + more;
    }

    private static List<String> table(List<Entry> clients) {
        int idWidth = widest(clients, entry -> entry.review().clientId(), "CLIENT");
        int verdictWidth = widest(clients, entry -> entry.review().verdict().id(), "VERDICT");
        int laterWidth = "WHEN ENFORCED".length();
        List<String> lines = new ArrayList<>();
        lines.add(pad("CLIENT", idWidth) + "  " + pad("VERDICT", verdictWidth) + "  " + pad("WHEN ENFORCED", laterWidth) + "  RULES");
        for (Entry entry : clients) {
            ClientReview review = entry.review();
            lines.add(pad(shown(review.clientId()), idWidth) + "  " + pad(review.verdict().id(), verdictWidth) + "  "
                    + pad(review.verdictWhenEnforced().id(), laterWidth) + "  " + rules(review));
        }
        return lines;
    }

    /** Each rule once, with its outcome unless that is "breaks". */
    private static String rules(ClientReview review) {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        review.findings().forEach(finding -> labels.put(finding.rule().id()
                + (finding.outcome() == Outcome.BREAKS ? "" : " (" + finding.outcome().id() + ")"), true));
        return labels.isEmpty() ? "-" : String.join(", ", labels.keySet());
    }

    private static String summary(List<Entry> clients) {
        Map<ClientVerdict, Long> counts = clients.stream().collect(Collectors.groupingBy(entry -> entry.review().verdict(), Collectors.counting()));
        long later = clients.stream().filter(entry -> entry.review().verdictWhenEnforced() == ClientVerdict.BREAKS).count();
        return "Summary: " + count(clients.size(), "client") + ", " + counts.getOrDefault(ClientVerdict.COMPLIANT, 0L) + " compliant, "
                + counts.getOrDefault(ClientVerdict.BREAKS, 0L) + " break, " + counts.getOrDefault(ClientVerdict.EXEMPTED, 0L) + " exempted, "
                + counts.getOrDefault(ClientVerdict.BUILTIN, 0L) + " built-in; " + later + " would break once every rule is enforced";
    }

    /** The findings that make the client fail; all of them when none does. */
    private List<String> findings(Entry entry) {
        ClientReview review = entry.review();
        RuntimeActivity runtime = entry.runtime();
        String seen = runtime.count() == 0 ? "" : "; Keyward findings at runtime: " + runtime.count()
                + (runtime.lastSeen() == null ? "" : ", last " + runtime.lastSeen());
        List<String> lines = new ArrayList<>(List.of("", shown(review.clientId()) + " (" + review.verdict().id() + "; when enforced: "
                + review.verdictWhenEnforced().id() + seen + ")"));
        List<ReportedFinding> breaking = review.findings().stream().filter(this::breaking).toList();
        List<ReportedFinding> shown = breaking.isEmpty() ? review.findings() : breaking;
        if (shown.isEmpty()) {
            lines.add("  no finding listed");
        }
        for (ReportedFinding finding : shown) {
            lines.add("  " + finding.rule().id() + ": " + (finding.setting() == null || finding.setting().isEmpty() ? "" : shown(finding.setting()) + " = ")
                    + (finding.value() == null || finding.value().isEmpty() ? "(not set)" : shown(finding.value()))
                    + "  [mode " + finding.mode().id() + ", " + finding.outcome().id() + "]");
            if (finding.fix() != null && !finding.fix().isEmpty()) {
                lines.add("    fix: " + shown(finding.fix()));
            }
        }
        return lines;
    }

    private boolean breaking(ReportedFinding finding) {
        return finding.outcome() == Outcome.BREAKS || whenEnforced && finding.refusedWhenEnforced();
    }

    private static int widest(List<Entry> clients, Function<Entry, String> text, String heading) {
        return clients.stream().map(text).map(ComplianceGate::shown).mapToInt(ComplianceGate::width).reduce(heading.length(), Math::max);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A name in the result line: quoted when it holds a comma or a space. */
    private static String listed(String id) {
        String text = shown(id);
        return text.contains(",") || text.contains(" ") ? "\"" + text + "\"" : text;
    }

    /** For a terminal or a CI log: one line, control characters (escape sequences too) made harmless. */
    static String shown(String text) {
        return text.replaceAll("\r?\n", " ").replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - width(text)));
    }
}
