package org.mmpcase.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The holder reports a new address or name, with its proof, in one request. */
@RestController
class ChangeController {

	private final ChangeService changes;

	ChangeController(ChangeService changes) {
		this.changes = changes;
	}

	@PostMapping(path = "/api/registrations/{registrationNumber}/changes",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, String>> report(@PathVariable String registrationNumber,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "firstName", required = false) String firstName,
			@RequestParam(name = "lastName", required = false) String lastName,
			@RequestParam(name = "street", required = false) String street,
			@RequestParam(name = "city", required = false) String city,
			@RequestParam(name = "zip", required = false) String zip,
			@RequestParam(name = "declaredType", required = false) String declaredType,
			@RequestPart(name = "file", required = false) MultipartFile file, Principal principal) {
		RegistrationChange change = changes.submit(registrationNumber, principal.getName(),
				new ChangeService.ChangeRequest(kind, firstName, lastName, street, city, zip, declaredType),
				file == null ? null : file.getOriginalFilename(), bytes(file));
		String number = change.getApplication().getApplicationNumber();
		Map<String, String> body = new LinkedHashMap<>();
		body.put("applicationNumber", number);
		body.put("status", change.getApplication().getStatus().name());
		return ResponseEntity.created(URI.create("/api/applications/" + number)).body(body);
	}

	private static byte[] bytes(MultipartFile file) {
		if (file == null) {
			return null;
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

}
