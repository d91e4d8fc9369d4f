package dev.keyward.oauth21.compliance;

import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.oauth21.rule.Violation;

/**
 * One finding of the compliance report: the rule, the setting, its value and the fix, with what
 * happens to the client's requests under the mode in force.
 *
 * @param outcome what happens to the client's requests because of it
 */
public record ReportedFinding(RuleId rule, String setting, String value, String fix, String description, Mode mode, Outcome outcome,
                              String safeValue) {

    static ReportedFinding of(RuleId rule, Violation violation, Mode mode, Outcome outcome) {
        Violation.Setting setting = violation.setting();
        return new ReportedFinding(rule, setting.name(), setting.value(), setting.fix(), violation.description(), mode, outcome,
                setting.safeValue());
    }

    /** Whether the request it describes is refused once the rule is enforced. */
    public boolean refusedWhenEnforced() {
        return outcome.refusedWhenEnforced();
    }

    /** Whether one value fixes it without anybody deciding (a one-click fix). */
    public boolean fixableInOneClick() {
        return safeValue != null;
    }
}
