package dev.keyward.oauth21.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Rules, each registered once by its id with the checks it runs in each phase and what it keeps
 * discovery documents from advertising. One set serves enforcement, report-only mode and
 * compliance reports of stored clients; the caller applies modes and exemptions per finding.
 */
public final class RuleSet {

    private record Registered<S>(RuleId rule, Check<S> check) {
    }

    private final List<RuleId> ids;
    private final Map<Phase<?>, List<Registered<?>>> checksByPhase;
    private final Map<RuleId, List<UnaryOperator<Metadata>>> advertisers;
    private final Map<RuleId, Mode> blanketCeilings;

    private RuleSet(Builder builder) {
        this.ids = List.copyOf(builder.ids);
        Map<Phase<?>, List<Registered<?>>> checks = new LinkedHashMap<>();
        builder.checksByPhase.forEach((phase, registered) -> {
            List<RuleId> first = builder.judgedFirst.getOrDefault(phase, List.of());
            List<Registered<?>> ordered = new ArrayList<>(registered);
            // Stable: the rules named first keep their given order, the others their registration order.
            ordered.sort(Comparator.comparingInt(check -> first.contains(check.rule()) ? first.indexOf(check.rule()) : first.size()));
            checks.put(phase, List.copyOf(ordered));
        });
        this.checksByPhase = checks;
        this.advertisers = Map.copyOf(builder.advertisers);
        this.blanketCeilings = Map.copyOf(builder.blanketCeilings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every rule's id, in the order the rules were registered. */
    public List<RuleId> ids() {
        return ids;
    }

    /**
     * The strictest mode a blanket mode (the server's {@code mode}, a realm's {@code keyward.oauth21.mode}) gives the
     * rule; only a mode set for the rule itself goes further. Enforce unless the rule declares otherwise.
     */
    public Mode blanketCeiling(RuleId rule) {
        return blanketCeilings.getOrDefault(rule, Mode.ENFORCE);
    }

    /** What the phase's checks find in {@code subject}, in registration order. */
    @SuppressWarnings("unchecked")
    public <S> List<Finding> check(Phase<S> phase, S subject) {
        List<Finding> findings = new ArrayList<>(0);
        for (Registered<?> registered : checksByPhase.getOrDefault(phase, List.of())) {
            Registered<S> typed = (Registered<S>) registered;
            typed.check().check(subject).ifPresent(violation -> findings.add(new Finding(typed.rule(), violation)));
        }
        return findings;
    }

    /** The metadata without what the rules {@code enforced} accepts forbid. */
    public Metadata advertised(Metadata metadata, Predicate<RuleId> enforced) {
        Metadata result = metadata;
        for (RuleId rule : ids) {
            if (enforced.test(rule)) {
                for (UnaryOperator<Metadata> trim : advertisers.getOrDefault(rule, List.of())) {
                    result = trim.apply(result);
                }
            }
        }
        return result;
    }

    public static final class Builder {

        private final List<RuleId> ids = new ArrayList<>();
        private final Map<Phase<?>, List<Registered<?>>> checksByPhase = new LinkedHashMap<>();
        private final Map<RuleId, List<UnaryOperator<Metadata>>> advertisers = new LinkedHashMap<>();
        private final Map<Phase<?>, List<RuleId>> judgedFirst = new LinkedHashMap<>();
        private final Map<RuleId, Mode> blanketCeilings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Runs these rules' checks of {@code phase} before the others', in this order: the first
         * enforced finding is the error the client sees, so the more basic question goes first.
         */
        public Builder judgeFirst(Phase<?> phase, RuleId... rules) {
            judgedFirst.put(phase, List.of(rules));
            return this;
        }

        /** Registers a rule: its id once, and through {@code definition} its checks and metadata trims. */
        public Builder rule(RuleId id, Consumer<Definition> definition) {
            if (ids.contains(id)) {
                throw new IllegalArgumentException("Rule " + id + " is registered twice");
            }
            ids.add(id);
            definition.accept(new Definition(id));
            return this;
        }

        public RuleSet build() {
            return new RuleSet(this);
        }

        /** What one rule does; obtained from {@link Builder#rule}. */
        public final class Definition {

            private final RuleId id;

            private Definition(RuleId id) {
                this.id = id;
            }

            /** Runs {@code check} whenever {@code phase} is judged; its violations are findings of this rule. */
            public <S> Definition check(Phase<S> phase, Check<S> check) {
                checksByPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(new Registered<>(id, check));
                return this;
            }

            /**
             * Blanket modes take this rule at most to {@code ceiling}; a mode set for the rule itself is taken as set.
             * For rules added to a running installation: they report before anybody chose to have them refuse.
             */
            public Definition blanketModeAtMost(Mode ceiling) {
                blanketCeilings.put(id, ceiling);
                return this;
            }

            /** While this rule is enforced, discovery documents are passed through {@code trim}. */
            public Definition advertises(UnaryOperator<Metadata> trim) {
                advertisers.computeIfAbsent(id, r -> new ArrayList<>()).add(trim);
                return this;
            }
        }
    }
}
