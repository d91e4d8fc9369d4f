package dev.keyward.oauth21.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the modes in force make of a phase's findings: every finding whose rule is not off is
 * recorded; the first enforced one refuses the request, and the effects of the enforced ones
 * are carried out.
 *
 * @param recorded the findings to record, each with its mode
 * @param refusal  the finding the request is refused with, if any
 */
public record Verdict(List<Judged> recorded, Optional<Finding> refusal) {

    /** A finding and the mode its rule has for this request. */
    public record Judged(Finding finding, Mode mode) {
    }

    public static Verdict of(List<Finding> findings, Function<RuleId, Mode> modeOf) {
        List<Judged> recorded = new ArrayList<>(0);
        Finding refusal = null;
        for (Finding finding : findings) {
            Mode mode = modeOf.apply(finding.rule());
            if (mode == Mode.OFF) {
                continue;
            }
            recorded.add(new Judged(finding, mode));
            if (mode == Mode.ENFORCE && refusal == null) {
                refusal = finding;
            }
        }
        return new Verdict(List.copyOf(recorded), Optional.ofNullable(refusal));
    }

    /** The effects of the enforced findings, in order, without {@link Violation.Effect#NONE}. */
    public List<Violation.Effect> effects() {
        return recorded.stream()
                .filter(judged -> judged.mode() == Mode.ENFORCE)
                .map(judged -> judged.finding().violation().effect())
                .filter(effect -> effect != Violation.Effect.NONE)
                .distinct()
                .toList();
    }
}
