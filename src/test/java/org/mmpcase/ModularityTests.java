package org.mmpcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are application modules (Spring Modulith): no cycles between them, and no module reaches
 * into another's internals. A new cycle fails the build here. The module diagrams are written into docs/modules.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(MmpCaseManagerApplication.class);

	private static final Path DOCS = Path.of("docs", "modules");

	@Test
	void modules_haveNoCycles_andUseOnlyEachOthersApi() {
		MODULES.verify();
	}

	@Test
	void moduleDiagrams_writtenIntoDocs() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path diagram : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
				Files.writeString(diagram, inStableOrder(Files.readString(diagram)));
			}
		}
		assertThat(DOCS.resolve("components.puml")).content().contains("Component(", "Rel(");
		Path svg = DOCS.resolve("components.svg");
		render(DOCS.resolve("components.puml"), svg);
		assertThat(svg).content().contains("<svg", "Registration", "Shared");
	}

	/** The diagram as SVG, laid out by PlantUML's own Java layout (no Graphviz on the machine needed). */
	private static void render(Path plantUml, Path svg) throws IOException {
		String source = Files.readString(plantUml).replace("@startuml", "@startuml\n!pragma layout smetana");
		try (OutputStream out = Files.newOutputStream(svg)) {
			new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
		}
	}

	/**
	 * The Documenter lists components and relations in no fixed order; sorted, the files change only when the
	 * modules do.
	 */
	static String inStableOrder(String plantUml) {
		List<String> lines = new ArrayList<>(plantUml.lines().toList());
		for (int start = 0; start < lines.size();) {
			String kind = kind(lines.get(start));
			int end = start + 1;
			while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
				end++;
			}
			if (kind != null) {
				Collections.sort(lines.subList(start, end));
			}
			start = end;
		}
		return String.join("\n", lines) + "\n";
	}

	private static String kind(String line) {
		String trimmed = line.stripLeading();
		return trimmed.startsWith("Rel(") || trimmed.startsWith("Component(") ? trimmed.substring(0, 4) : null;
	}

}
