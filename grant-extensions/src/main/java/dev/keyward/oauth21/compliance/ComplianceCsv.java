package dev.keyward.oauth21.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * The compliance report as CSV (RFC 4180) for spreadsheets and pipelines: one row per finding,
 * and one row with empty finding columns for a client without findings, so every client appears.
 */
public final class ComplianceCsv {

    public static final String HEADER = "realm,clientId,verdict,verdictWhenEnforced,rule,setting,value,fix,mode,outcome,runtimeCount,lastSeen";

    private ComplianceCsv() {
    }

    public static List<String> rows(String realm, ClientReview review, RuntimeActivity runtime) {
        List<String> rows = new ArrayList<>();
        String client = join(realm, review.clientId(), review.verdict().id(), review.verdictWhenEnforced().id());
        String activity = join(Integer.toString(runtime.count()), runtime.lastSeen() == null ? "" : runtime.lastSeen().toString());
        if (review.findings().isEmpty()) {
            rows.add(client + ",,,,,,," + activity);
        }
        for (ReportedFinding finding : review.findings()) {
            rows.add(client + "," + join(finding.rule().id(), finding.setting(), finding.value(), finding.fix(), finding.mode().id(),
                    finding.outcome().id()) + "," + activity);
        }
        return rows;
    }

    private static String join(String... fields) {
        List<String> quoted = new ArrayList<>(fields.length);
        for (String field : fields) {
            quoted.add(field(field));
        }
        return String.join(",", quoted);
    }

    /** Quotes a field holding a comma, quote or line break, doubling its quotes; a leading = + - @ is defused for spreadsheets. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
