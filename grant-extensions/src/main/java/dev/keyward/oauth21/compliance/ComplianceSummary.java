package dev.keyward.oauth21.compliance;

import java.util.Collection;

/** How many clients of a realm have each verdict, with the modes in force and once everything is enforced. */
public record ComplianceSummary(int clients, int compliant, int breaks, int exempted, int builtin, int breaksWhenEnforced) {

    public static ComplianceSummary of(Collection<ClientReview> reviews) {
        return new ComplianceSummary(reviews.size(),
                count(reviews, ClientVerdict.COMPLIANT),
                count(reviews, ClientVerdict.BREAKS),
                count(reviews, ClientVerdict.EXEMPTED),
                count(reviews, ClientVerdict.BUILTIN),
                (int) reviews.stream().filter(review -> review.verdictWhenEnforced() == ClientVerdict.BREAKS).count());
    }

    private static int count(Collection<ClientReview> reviews, ClientVerdict verdict) {
        return (int) reviews.stream().filter(review -> review.verdict() == verdict).count();
    }
}
