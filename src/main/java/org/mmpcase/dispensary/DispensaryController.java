package org.mmpcase.dispensary;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dispensaries to choose from (the holder changes theirs on the registration: certificate/DispensaryChanges). */
@RestController
class DispensaryController {

	private final DispensaryRepository dispensaries;

	DispensaryController(DispensaryRepository dispensaries) {
		this.dispensaries = dispensaries;
	}

	@GetMapping("/api/dispensaries")
	List<Map<String, String>> list() {
		return dispensaries.findByActiveTrueOrderByName()
			.stream()
			.map(d -> Map.of("code", d.getCode(), "name", d.getName(), "town", d.getTown()))
			.toList();
	}

}
