package dev.keyward.oauth21.compliance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import dev.keyward.oauth21.rule.RuleId;

/**
 * Which clients of the report to show, and in what order: by verdict ({@code breaks-when-enforced} for those that
 * break once every rule is enforced), by a rule they have a finding of, by text in their client ID; sorted by client
 * ID, verdict (worst first), number of findings or runtime findings, ascending or (with {@code -}) descending.
 */
public record ClientQuery(Predicate<ComplianceGate.Entry> shown, Comparator<ComplianceGate.Entry> order) {

    private static final String BREAKS_WHEN_ENFORCED = "breaks-when-enforced";

    /** The sort keys, as {@code sort=} names them. */
    public enum Sort {
        CLIENT_ID("clientId"), VERDICT("verdict"), FINDINGS("findings"), RUNTIME("runtime");

        private final String id;

        Sort(String id) {
            this.id = id;
        }

        static Optional<Sort> find(String id) {
            return Arrays.stream(values()).filter(sort -> sort.id.equals(id)).findFirst();
        }

        static String ids() {
            return String.join(", ", Arrays.stream(values()).map(sort -> sort.id).toList());
        }
    }

    /**
     * @param rules the rules a {@code rule} may name
     * @throws IllegalArgumentException with a message for the admin when a value is not one the report knows
     */
    public static ClientQuery of(String verdict, String rule, String search, String sort, List<RuleId> rules) {
        Predicate<ComplianceGate.Entry> shown = entry -> true;
        if (present(verdict)) {
            shown = shown.and(withVerdict(verdict.strip()));
        }
        if (present(rule)) {
            RuleId named = RuleId.find(rules, rule.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "rule must be one of " + RuleId.list(rules)));
            shown = shown.and(entry -> entry.review().findings().stream().anyMatch(finding -> finding.rule().equals(named)));
        }
        if (present(search)) {
            String text = search.strip().toLowerCase(Locale.ROOT);
            shown = shown.and(entry -> entry.review().clientId().toLowerCase(Locale.ROOT).contains(text));
        }
        return new ClientQuery(shown, present(sort) ? order(sort.strip()) : byClientId());
    }

    public List<ComplianceGate.Entry> apply(List<ComplianceGate.Entry> entries) {
        return entries.stream().filter(shown).sorted(order).toList();
    }

    private static Predicate<ComplianceGate.Entry> withVerdict(String verdict) {
        if (verdict.equals(BREAKS_WHEN_ENFORCED)) {
            return entry -> entry.review().verdictWhenEnforced() == ClientVerdict.BREAKS;
        }
        ClientVerdict wanted = Arrays.stream(ClientVerdict.values()).filter(v -> v.id().equals(verdict)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("verdict must be one of compliant, breaks, exempted, builtin, "
                        + BREAKS_WHEN_ENFORCED));
        return entry -> entry.review().verdict() == wanted;
    }

    private static Comparator<ComplianceGate.Entry> order(String sort) {
        boolean descending = sort.startsWith("-");
        Sort key = Sort.find(descending ? sort.substring(1) : sort)
                .orElseThrow(() -> new IllegalArgumentException("sort must be one of " + Sort.ids() + ", each with - before it to reverse"));
        Comparator<ComplianceGate.Entry> order = switch (key) {
            case CLIENT_ID -> byClientId();
            case VERDICT -> Comparator.comparingInt(ClientQuery::severity);
            case FINDINGS -> Comparator.comparingInt(entry -> entry.review().findings().size());
            case RUNTIME -> Comparator.comparingInt(entry -> entry.runtime().count());
        };
        order = descending ? order.reversed() : order;
        return key == Sort.CLIENT_ID ? order : order.thenComparing(byClientId());
    }

    /** Worst first: breaks now, breaks once enforced, exempted, compliant, built-in. */
    private static int severity(ComplianceGate.Entry entry) {
        ClientReview review = entry.review();
        return switch (review.verdict()) {
            case BREAKS -> 0;
            case EXEMPTED -> review.verdictWhenEnforced() == ClientVerdict.BREAKS ? 1 : 2;
            case COMPLIANT -> review.verdictWhenEnforced() == ClientVerdict.BREAKS ? 1 : 3;
            case BUILTIN -> 4;
        };
    }

    private static Comparator<ComplianceGate.Entry> byClientId() {
        return Comparator.comparing(entry -> entry.review().clientId());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
