package org.barshaga.quality;

/** A version is edited as a draft; once published it never changes. */
public enum VersionStatus {

	DRAFT, PUBLISHED

}
