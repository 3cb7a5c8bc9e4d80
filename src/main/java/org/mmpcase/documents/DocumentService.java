package org.mmpcase.documents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The applicant's proof documents: checked, stored, versioned, and checked again before the case moves on. */
@Service
public class DocumentService {

	private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

	private static final Set<ApplicationStatus> OPEN_FOR_UPLOADS = Set.of(ApplicationStatus.IN_PROGRESS,
			ApplicationStatus.INFORMATION_REQUESTED);

	private final DocumentRepository documents;

	private final DocumentVault vault;

	private final DocumentCheck check;

	private final Clock clock;

	DocumentService(DocumentRepository documents, DocumentVault vault, DocumentCheck check, Clock clock) {
		this.documents = documents;
		this.vault = vault;
		this.check = check;
		this.clock = clock;
	}

	/**
	 * Checks the file and, if it passes, stores it as the current document of its category. A refused file is
	 * neither stored nor recorded.
	 * @throws DocumentRejectedException (400, field {@code file}) with the reason and what to do about it
	 * @throws ConflictException if the application no longer takes documents
	 */
	@Transactional
	public Document upload(Application application, Document.Category category, String originalFilename,
			byte[] content) {
		return upload(application, category, originalFilename, content, application.getApplicant());
	}

	/**
	 * As {@link #upload(Application, Document.Category, String, byte[])}, with the text hint comparing the document
	 * with {@code expected} rather than the applicant's profile: a reported change of name or address is proved by a
	 * document that shows the new one.
	 */
	@Transactional
	public Document upload(Application application, Document.Category category, String originalFilename,
			byte[] content, org.mmpcase.registration.Person expected) {
		if (!OPEN_FOR_UPLOADS.contains(application.getStatus())) {
			throw new ConflictException("Documents can no longer be uploaded to this application (status: "
					+ application.getStatus() + ").");
		}
		String filename = FileNames.sanitise(originalFilename);
		DocumentCheck.Result result = check.check(filename, content);
		if (!result.accepted()) {
			log.info("Document upload for application {} refused: {}", application.getApplicationNumber(),
					result.reason());
			throw new DocumentRejectedException(result);
		}
		// images are kept without their metadata (location, camera, time): what the check hands back
		byte[] kept = result.content();
		DocumentVault.Stored stored = vault.store(kept);
		deleteIfRolledBack(stored.storageKey());
		documents.findByApplicationAndCategoryAndCurrentVersionTrue(application, category).forEach(Document::replaced);
		Document document = new Document(application, category, declaredType(application, category), filename,
				result.detectedType(), kept.length, stored.sha256(), stored.storageKey(), stored.keyId(),
				clock.instant());
		document.hinted(TextHints.of(result.detectedType(), kept, expected));
		document = documents.save(document);
		log.info("Document {} ({}) uploaded for application {}", document.getId(), category,
				application.getApplicationNumber());
		return document;
	}

	@Transactional(readOnly = true)
	public List<Document> currentDocuments(Application application) {
		return documents.findByApplicationAndCurrentVersionTrueOrderByCategory(application);
	}

	/** The current documents of several applications at once, by application id. */
	@Transactional(readOnly = true)
	public Map<Long, List<Document>> currentDocuments(Collection<Application> applications) {
		if (applications.isEmpty()) {
			return Map.of();
		}
		return documents.findByApplicationInAndCurrentVersionTrueOrderByCategory(applications)
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(document -> document.getApplication().getId()));
	}

	/** A document of this application, current or earlier, without its bytes. */
	@Transactional(readOnly = true)
	public Document find(Application application, long documentId) {
		return documents.findByIdAndApplication(documentId, application)
			.orElseThrow(() -> new DocumentNotFoundException(documentId));
	}

	/** A document of this application, current or earlier, with its bytes checked against the upload's checksum. */
	@Transactional(readOnly = true)
	public StoredDocument read(Application application, long documentId) {
		Document document = documents.findByIdAndApplication(documentId, application)
			.orElseThrow(() -> new DocumentNotFoundException(documentId));
		return new StoredDocument(document, vault.read(document));
	}

	/**
	 * Any document, current or earlier, of any application, with its bytes checked against the upload's checksum:
	 * for DCP staff, whose access is decided by their group before this is called.
	 */
	@Transactional(readOnly = true)
	public StoredDocument readForReview(long documentId) {
		Document document = documents.findById(documentId)
			.orElseThrow(() -> new DocumentNotFoundException(documentId));
		return new StoredDocument(document, vault.read(document));
	}

	/**
	 * What stops the case from going on with its documents, in words for the applicant: a missing proof, or a
	 * current one that fails the check now (the rules changed, or the stored file is damaged). The result of the
	 * new check is recorded on the document.
	 */
	@Transactional
	public List<String> problems(Application application) {
		Map<Document.Category, Document> current = new EnumMap<>(Document.Category.class);
		for (Document document : documents.findByApplicationAndCurrentVersionTrueOrderByCategory(application)) {
			current.merge(document.getCategory(), document,
					(a, b) -> a.getUploadedAt().isAfter(b.getUploadedAt()) ? a : b);
		}
		List<String> problems = new ArrayList<>();
		for (Document.Category category : Document.Category.values()) {
			Document document = current.get(category);
			if (document == null) {
				// a reported change proves one thing (a new address, or a new name) with one document
				if (application.getKind() != org.mmpcase.registration.ApplicationKind.CHANGE) {
					problems.add("Upload your " + category.label() + ".");
				}
				continue;
			}
			recheck(document).ifPresent(problem -> problems
				.add("Your " + category.label() + " (" + document.getOriginalFilename() + "): " + problem));
		}
		return problems;
	}

	private Optional<String> recheck(Document document) {
		byte[] content;
		try {
			content = vault.read(document);
		}
		catch (DocumentIntegrityException ex) {
			log.warn("Document {} of application {} failed its integrity check", document.getId(),
					document.getApplication().getApplicationNumber());
			document.unreadable();
			return Optional.of("we could not read the file. Please upload it again.");
		}
		DocumentCheck.Result result = check.check(document.getOriginalFilename(), content);
		document.rechecked(result);
		// the profile may have been corrected since the upload: the hint compares with today's name and address
		// (not for a reported change: its document shows the new data, which the profile has only once approved)
		if (document.getApplication().getKind() != org.mmpcase.registration.ApplicationKind.CHANGE) {
			document.hinted(
					TextHints.of(document.getDetectedType(), content, document.getApplication().getApplicant()));
		}
		return result.accepted() ? Optional.empty() : Optional.of(result.message());
	}

	private static String declaredType(Application application, Document.Category category) {
		return category == Document.Category.IDENTITY ? application.getIdentityDocumentType()
				: application.getResidencyDocumentType();
	}

	/** The file is written before the row; if the row never commits, the file would be an orphan. */
	private void deleteIfRolledBack(String key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						try {
							vault.delete(key);
						}
						catch (RuntimeException ex) {
							log.warn("Could not remove an unrecorded document file", ex);
						}
					}
				}
			});
		}
	}

	/** A document with its verified bytes. */
	public record StoredDocument(Document document, byte[] content) {
	}

}
