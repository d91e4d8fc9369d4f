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
    private final Map<RuleId, Profile> profiles;

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
        this.profiles = Map.copyOf(builder.profiles);
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

    /** The profile whose clients the rule judges: {@link Profile#OAUTH21}, every client, unless the rule declares otherwise. */
    public Profile profile(RuleId rule) {
        return profiles.getOrDefault(rule, Profile.OAUTH21);
    }

    /** What the phase's checks find in {@code subject}, in registration order; a rule of a stricter profile only for its clients. */
    @SuppressWarnings("unchecked")
    public <S> List<Finding> check(Phase<S> phase, S subject) {
        List<Finding> findings = new ArrayList<>(0);
        Profile clientProfile = null;
        for (Registered<?> registered : checksByPhase.getOrDefault(phase, List.of())) {
            Registered<S> typed = (Registered<S>) registered;
            Profile required = profiles.get(typed.rule());
            if (required != null) {
                clientProfile = clientProfile != null ? clientProfile : phase.client(subject).profile();
                if (!clientProfile.includes(required)) {
                    continue;
                }
            }
            typed.check().check(subject).ifPresent(violation -> findings.add(new Finding(typed.rule(), violation)));
        }
        return findings;
    }

    /** Whether any check of the phase judges this client: none does when all of them belong to a stricter profile than its own. */
    public boolean judges(Phase<?> phase, ClientSettings client) {
        Profile clientProfile = client.profile();
        return checksByPhase.getOrDefault(phase, List.of()).stream().anyMatch(registered -> clientProfile.includes(profile(registered.rule())));
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
        private final Map<RuleId, Profile> profiles = new LinkedHashMap<>();

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
                if (profiles.containsKey(id) && !phase.namesClient()) {
                    throw new IllegalArgumentException("Rule " + id + " judges only clients of a profile, but phase " + phase + " names no client");
                }
                checksByPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(new Registered<>(id, check));
                return this;
            }

            /**
             * A check of the client's stored configuration on registrations and in the compliance report only: a
             * finding where the change adds the problem (a ratchet). For a setting whose effect the rule's request
             * checks already enforce, so a client's requests are judged by what they do. A change that raises the client
             * to the rule's profile adds every problem the rule finds: the stored client was not held to it.
             */
            public Definition registration(Check<ClientSettings> check) {
                Profile required = profiles.getOrDefault(id, Profile.OAUTH21);
                return check(Phase.REGISTRATION, registration -> check.check(registration.proposed())
                        .filter(found -> registration.stored() == null || !registration.stored().profile().includes(required)
                                || check.check(registration.stored()).isEmpty()));
            }

            /**
             * A check of the client's stored configuration: judged on registrations (a finding only where the change
             * adds the problem: a ratchet, so a stored client stays editable), in the compliance report, and, once the
             * rule is enforced for the client, on its authorization and token requests, refused then with
             * {@code unauthorized_client} (RFC 6749 sections 4.1.2.1 and 5.2: not authorized, as configured).
             */
            public Definition configuration(Check<ClientSettings> check) {
                return registration(check).check(Phase.CLIENT_REQUEST, client -> check.check(client).map(violation -> new Violation(OAuthErrors.UNAUTHORIZED_CLIENT,
                                "the client's configuration breaks a rule: " + violation.description(), violation.effect(), violation.setting())));
            }

            /**
             * The rule judges only clients of {@code profile} (or a stricter one), and takes its blanket mode from that
             * profile's. Declared before the rule's checks.
             */
            public Definition profile(Profile profile) {
                if (checksByPhase.values().stream().flatMap(List::stream).anyMatch(registered -> registered.rule().equals(id))) {
                    throw new IllegalStateException("Rule " + id + ": declare its profile before its checks");
                }
                if (profile != Profile.OAUTH21) {
                    profiles.put(id, profile);
                }
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
