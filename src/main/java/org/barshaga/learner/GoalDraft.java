package org.barshaga.learner;

public record GoalDraft(GoalDomain domain, String description, String baseline, String target, String measure) {
}
