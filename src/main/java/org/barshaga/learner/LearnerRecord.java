package org.barshaga.learner;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's case as one reader may see it. Health-related fields are already removed
 * when {@code healthVisible} is false, and the SEN record is empty when processing is
 * restricted for want of consent.
 */
public record LearnerRecord(Learner learner, boolean healthVisible, Restriction restriction, List<Guardian> guardians,
		List<Consent> consents, List<Conclusion> conclusions, List<Functioning> functioning, List<Enrolment> enrolments,
		List<SupportLevelEntry> supportLevels, List<Plan> plans, List<Session> sessions, List<Device> devices,
		List<MonthlyDelivery> delivery, List<TermOutcome> outcomes, Set<Section> writable, boolean identityWritable,
		boolean reviewsWritable) {

	/**
	 * Why the SEN record is withheld: no consent to processing was ever given, or it was
	 * withdrawn on a date.
	 */
	public record Restriction(boolean withdrawn, LocalDate since) {
	}

	public boolean restricted() {
		return restriction != null;
	}

	public Optional<Enrolment> currentEnrolment() {
		return enrolments.stream().filter(Enrolment::isOpen).findFirst();
	}

	public EducationForm currentForm() {
		return currentEnrolment().map(Enrolment::form).orElse(EducationForm.NOT_ENROLLED);
	}

	public Optional<Conclusion> latestConclusion() {
		return conclusions.stream().findFirst();
	}

	public Optional<SupportLevelEntry> currentSupportLevel() {
		return supportLevels.stream().findFirst();
	}

	public boolean canWrite(Section section) {
		return writable.contains(section);
	}

}
