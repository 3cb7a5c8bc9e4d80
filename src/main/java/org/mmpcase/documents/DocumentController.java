package org.mmpcase.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.shared.BadRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The applicant uploads and downloads their proof documents. */
@RestController
@RequestMapping("/api/applications/{applicationNumber}/documents")
class DocumentController {

	private final ApplicationAccess access;

	private final DocumentService documents;

	DocumentController(ApplicationAccess access, DocumentService documents) {
		this.access = access;
		this.documents = documents;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	DocumentView upload(@PathVariable String applicationNumber, @RequestParam("category") String category,
			@RequestPart("file") MultipartFile file, Principal principal) {
		Document.Category parsed = Document.Category.parse(category);
		if (parsed == null) {
			throw BadRequestException.field("category", "Choose the category: identity or residency.");
		}
		Application application = access.requireOwned(applicationNumber, principal.getName());
		return DocumentView.of(documents.upload(application, parsed, file.getOriginalFilename(), bytes(file)));
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<DocumentView> current(@PathVariable String applicationNumber, Principal principal) {
		Application application = access.requireOwned(applicationNumber, principal.getName());
		return documents.currentDocuments(application).stream().map(DocumentView::of).toList();
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> download(@PathVariable String applicationNumber, @PathVariable long id,
			Principal principal) {
		Application application = access.requireOwned(applicationNumber, principal.getName());
		DocumentService.StoredDocument stored = documents.read(application, id);
		Document document = stored.document();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.getDetectedType()))
			.contentLength(stored.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.getOriginalFilename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			// the type was detected by us; a browser must not second-guess it into something executable
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(stored.content());
	}

	/** As the shared handler's answer, plus the reason code so that a client can tell the cases apart. */
	@ExceptionHandler(DocumentRejectedException.class)
	ResponseEntity<Map<String, Object>> rejected(DocumentRejectedException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", HttpStatus.BAD_REQUEST.value());
		body.put("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
		body.put("message", ex.getMessage());
		body.put("reason", ex.getReason().name());
		body.put("fieldErrors", ex.getFieldErrors());
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler(DocumentNotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(DocumentNotFoundException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", HttpStatus.NOT_FOUND.value());
		body.put("error", HttpStatus.NOT_FOUND.getReasonPhrase());
		body.put("message", ex.getMessage());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record DocumentView(Long id, String category, String filename, String detectedType, long size, String sha256,
			Instant uploadedAt) {

		static DocumentView of(Document document) {
			return new DocumentView(document.getId(), document.getCategory().name().toLowerCase(Locale.ROOT),
					document.getOriginalFilename(), document.getDetectedType(), document.getSizeBytes(),
					document.getSha256(), document.getUploadedAt());
		}

	}

}
