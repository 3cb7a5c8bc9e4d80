package org.mmpcase.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmpcase.documents.Document;
import org.mmpcase.documents.DocumentCheck;
import org.mmpcase.documents.DocumentIntegrityException;
import org.mmpcase.documents.DocumentNotFoundException;
import org.mmpcase.documents.DocumentPreviews;
import org.mmpcase.documents.DocumentService;
import org.mmpcase.documents.NoSuchPageException;
import org.mmpcase.documents.PreviewUnavailableException;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case screen's data: the facts, the documents' previews and original files, the access log. Each is answered
 * only to a user with a task of the case in their queue, or a supervisor; anybody else gets the same 404 as for an
 * unknown case. Every view is recorded ({@link CaseAccessLog}); the application log gets ids only.
 */
@RestController
@RequestMapping(WorkspaceSecurityConfiguration.API + "/cases/{applicationNumber}")
class CaseController {

	private static final Logger log = LoggerFactory.getLogger(CaseController.class);

	private final QueueQueries queue;

	private final CaseFacts facts;

	private final ApplicationAccess applications;

	private final DocumentService documents;

	private final DocumentPreviews previews;

	private final CaseAccessLog accessLog;

	private final StaffDirectory directory;

	private final Clock clock;

	CaseController(QueueQueries queue, CaseFacts facts, ApplicationAccess applications, DocumentService documents,
			DocumentPreviews previews, CaseAccessLog accessLog, StaffDirectory directory, Clock clock) {
		this.queue = queue;
		this.facts = facts;
		this.applications = applications;
		this.documents = documents;
		this.previews = previews;
		this.accessLog = accessLog;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping
	CaseFacts.Facts facts(@AuthenticationPrincipal StaffUser user, @PathVariable String applicationNumber) {
		List<QueueQueries.Entry> tasks = queue.tasksOfCase(user, applicationNumber);
		if (tasks.isEmpty() && !user.isSupervisor()) {
			throw new CaseNotFoundException(applicationNumber);
		}
		List<String> people = new ArrayList<>(tasks.stream().map(QueueQueries.Entry::assignee).toList());
		people.addAll(facts.deciders(applicationNumber));
		Map<String, String> names = directory.names(people);
		Instant now = clock.instant();
		CaseFacts.Facts result = facts.of(applicationNumber,
				tasks.stream().map(task -> CaseTask.of(task, user, names, now)).toList(), names);
		accessLog.record(user, applicationNumber, CaseAccessLog.What.CASE, null, null);
		log.info("Staff user {} opened case {}", user.id(), applicationNumber);
		return result;
	}

	@GetMapping("/documents/{documentId}/preview")
	DocumentPreviews.Preview preview(@AuthenticationPrincipal StaffUser user, @PathVariable String applicationNumber,
			@PathVariable long documentId) {
		return previews.preview(document(user, applicationNumber, documentId));
	}

	@GetMapping("/documents/{documentId}/pages/{page}")
	ResponseEntity<byte[]> page(@AuthenticationPrincipal StaffUser user, @PathVariable String applicationNumber,
			@PathVariable long documentId, @PathVariable int page) {
		Document document = document(user, applicationNumber, documentId);
		DocumentPreviews.PageImage image = previews.page(document, page);
		accessLog.record(user, applicationNumber, CaseAccessLog.What.PREVIEW, documentId, page);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.contentLength(image.content().length)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(image.content());
	}

	/** The file as uploaded, always as a download: the reviewer's browser never opens an uploaded PDF itself. */
	@GetMapping("/documents/{documentId}/original")
	ResponseEntity<byte[]> original(@AuthenticationPrincipal StaffUser user, @PathVariable String applicationNumber,
			@PathVariable long documentId) {
		Application application = facts.documentsOf(open(user, applicationNumber));
		DocumentService.StoredDocument stored = documents.read(application, documentId);
		Document document = stored.document();
		accessLog.record(user, applicationNumber, CaseAccessLog.What.ORIGINAL, documentId, null);
		log.info("Staff user {} downloaded document {} of case {}", user.id(), documentId, applicationNumber);
		boolean known = DocumentCheck.INSPECTABLE.contains(document.getDetectedType());
		return ResponseEntity.ok()
			.contentType(known ? MediaType.parseMediaType(document.getDetectedType()) : MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(stored.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(document.getOriginalFilename(), StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(stored.content());
	}

	@GetMapping("/access-log")
	List<CaseAccessLog.Entry> accessLog(@AuthenticationPrincipal StaffUser user,
			@PathVariable String applicationNumber) {
		if (!user.isSupervisor()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only supervisors see who viewed a case.");
		}
		open(user, applicationNumber);
		return accessLog.of(applicationNumber);
	}

	private Application open(StaffUser user, String applicationNumber) {
		if (!queue.canOpen(user, applicationNumber)) {
			throw new CaseNotFoundException(applicationNumber);
		}
		return applications.find(applicationNumber).orElseThrow(() -> new CaseNotFoundException(applicationNumber));
	}

	/** A document of the case, or of the application whose documents it relies on (a renewal without new ones). */
	private Document document(StaffUser user, String applicationNumber, long documentId) {
		return documents.find(facts.documentsOf(open(user, applicationNumber)), documentId);
	}

	@ExceptionHandler({ DocumentNotFoundException.class, NoSuchPageException.class })
	ResponseEntity<Map<String, Object>> notFound(RuntimeException ex) {
		return body(HttpStatus.NOT_FOUND, "No such document or page in this case.", null);
	}

	@ExceptionHandler(PreviewUnavailableException.class)
	ResponseEntity<Map<String, Object>> unavailable(PreviewUnavailableException ex) {
		return body(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage(), ex.reason());
	}

	@ExceptionHandler(DocumentIntegrityException.class)
	ResponseEntity<Map<String, Object>> unreadable(DocumentIntegrityException ex) {
		log.error("A stored document failed its integrity check: {}", ex.getMessage());
		return body(HttpStatus.UNPROCESSABLE_ENTITY, "The stored file failed its integrity check: it cannot be shown. "
				+ "Ask the applicant for the document again.", "UNREADABLE");
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		if (reason != null) {
			body.put("reason", reason);
		}
		return ResponseEntity.status(status).body(body);
	}

}
