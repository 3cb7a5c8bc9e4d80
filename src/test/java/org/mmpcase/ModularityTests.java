package org.mmpcase;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are application modules (Spring Modulith): no cycles between them, and no module reaches
 * into another's internals. A new cycle fails the build here. The module diagrams are written into docs/modules.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(MmpCaseManagerApplication.class);

	@Test
	void modules_haveNoCycles_andUseOnlyEachOthersApi() {
		MODULES.verify();
	}

	@Test
	void moduleDiagrams_writtenIntoDocs() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
