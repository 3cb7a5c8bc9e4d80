package org.mmpcase.documents;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * DCP staff open a document from the review form: {@code GET /review/documents/{id}}, behind
 * {@link StaffAuthenticationFilter}. Every access is logged with the staff user and the document id, nothing else.
 */
@RestController
class ReviewerDocumentController {

	static final String PATH = "/review/documents";

	private static final Logger log = LoggerFactory.getLogger(ReviewerDocumentController.class);

	/** Shown in the browser; a PDF is downloaded (browsers' PDF viewers do not run under a sandbox policy). */
	private static final Set<String> INLINE = Set.of(DocumentCheck.JPEG, DocumentCheck.PNG);

	private final DocumentService documents;

	ReviewerDocumentController(DocumentService documents) {
		this.documents = documents;
	}

	@GetMapping(PATH + "/{id}")
	ResponseEntity<byte[]> open(@PathVariable long id,
			@RequestAttribute(StaffAuthenticationFilter.STAFF_USER) String staffUser) {
		log.info("Staff user {} requested document {}", staffUser, id);
		DocumentService.StoredDocument stored = documents.readForReview(id);
		Document document = stored.document();
		// only types the check inspected get their own type; anything else is opaque bytes
		boolean known = DocumentCheck.INSPECTABLE.contains(document.getDetectedType());
		MediaType type = known ? MediaType.parseMediaType(document.getDetectedType())
				: MediaType.APPLICATION_OCTET_STREAM;
		ContentDisposition.Builder disposition = INLINE.contains(document.getDetectedType())
				? ContentDisposition.inline() : ContentDisposition.attachment();
		return ResponseEntity.ok()
			.contentType(type)
			.contentLength(stored.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(document.getOriginalFilename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			// whatever the file is, the browser runs nothing from it and gives it no access to this origin
			.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'")
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(stored.content());
	}

	@ExceptionHandler(DocumentNotFoundException.class)
	ResponseEntity<String> notFound(DocumentNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No such document.");
	}

	@ExceptionHandler(DocumentIntegrityException.class)
	ResponseEntity<String> damaged(DocumentIntegrityException ex) {
		log.error("Stored document failed its integrity check: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.contentType(MediaType.TEXT_PLAIN)
			.body("The stored file failed its integrity check. Ask the applicant to upload it again.");
	}

}
