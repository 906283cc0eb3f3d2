package org.barshaga.quality;

/**
 * A personal code answers once (a teacher, a parent, a school's team); a class code
 * answers as many times as the class has pupils, during one lesson.
 */
public enum CodeKind {

	PERSONAL, CLASS

}
