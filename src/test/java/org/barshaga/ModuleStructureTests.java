package org.barshaga;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages talk only through what they make public and only along the
 * dependencies declared in their package-info; no cycles. Also writes the module diagrams
 * to target/spring-modulith-docs.
 */
class ModuleStructureTests {

	static final ApplicationModules MODULES = ApplicationModules.of(BarshagaApplication.class);

	@Test
	void featureModulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
