package org.mmpcase.documents;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.mmpcase.registration.Application;

/**
 * One uploaded file. A new upload of the same category becomes the current version; the earlier ones stay, so the
 * case keeps the history of what the applicant sent. The bytes live in {@link DocumentStorage} under a generated
 * key; the patient's own file name is only recorded (sanitised), never used as a path.
 */
@Entity
public class Document {

	public enum Category {

		IDENTITY, RESIDENCY;

		/** {@code identity} or {@code residency}, in any case. */
		public static Category parse(String value) {
			try {
				return valueOf(value.trim().toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		public String label() {
			return this == IDENTITY ? "proof of identity" : "proof of residency";
		}

	}

	public enum CheckStatus {
		ACCEPTED, REJECTED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "application_id")
	private Application application;

	@Enumerated(EnumType.STRING)
	private Category category;

	private String declaredType;

	private String originalFilename;

	private String detectedType;

	private long sizeBytes;

	private String sha256;

	private String storageKey;

	/** The id of the key the stored bytes are encrypted under; null: stored as uploaded. */
	private String keyId;

	private Instant uploadedAt;

	@Enumerated(EnumType.STRING)
	private CheckStatus checkStatus;

	private String checkReason;

	private boolean currentVersion;

	private boolean textLayer;

	private Boolean nameFound;

	private Boolean addressFound;

	protected Document() {
	}

	Document(Application application, Category category, String declaredType, String originalFilename,
			String detectedType, long sizeBytes, String sha256, String storageKey, Instant uploadedAt) {
		this(application, category, declaredType, originalFilename, detectedType, sizeBytes, sha256, storageKey,
				null, uploadedAt);
	}

	Document(Application application, Category category, String declaredType, String originalFilename,
			String detectedType, long sizeBytes, String sha256, String storageKey, String keyId, Instant uploadedAt) {
		this.application = application;
		this.category = category;
		this.declaredType = declaredType;
		this.originalFilename = originalFilename;
		this.detectedType = detectedType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.keyId = keyId;
		this.uploadedAt = uploadedAt;
		this.checkStatus = CheckStatus.ACCEPTED;
		this.currentVersion = true;
	}

	/** The bytes now live encrypted under another key (the migration of plaintext documents). */
	void encrypted(String storageKey, String keyId) {
		this.storageKey = storageKey;
		this.keyId = keyId;
	}

	void replaced() {
		this.currentVersion = false;
	}

	void rechecked(DocumentCheck.Result result) {
		this.checkStatus = result.accepted() ? CheckStatus.ACCEPTED : CheckStatus.REJECTED;
		this.checkReason = result.accepted() ? null : result.reason().name();
	}

	void hinted(TextHints.Hint hint) {
		this.textLayer = hint.textLayer();
		this.nameFound = hint.nameFound();
		this.addressFound = hint.addressFound();
	}

	void unreadable() {
		this.checkStatus = CheckStatus.REJECTED;
		this.checkReason = "UNREADABLE";
	}

	public Long getId() {
		return id;
	}

	public Application getApplication() {
		return application;
	}

	public Category getCategory() {
		return category;
	}

	public String getDeclaredType() {
		return declaredType;
	}

	public String getOriginalFilename() {
		return originalFilename;
	}

	public String getDetectedType() {
		return detectedType;
	}

	public long getSizeBytes() {
		return sizeBytes;
	}

	public String getSha256() {
		return sha256;
	}

	public String getStorageKey() {
		return storageKey;
	}

	public String getKeyId() {
		return keyId;
	}

	public Instant getUploadedAt() {
		return uploadedAt;
	}

	public CheckStatus getCheckStatus() {
		return checkStatus;
	}

	public String getCheckReason() {
		return checkReason;
	}

	public boolean isCurrentVersion() {
		return currentVersion;
	}

	public boolean hasTextLayer() {
		return textLayer;
	}

	/** Whether the applicant's first and last name appear in the text layer; null without one. */
	public Boolean getNameFound() {
		return nameFound;
	}

	/** Whether the applicant's street or ZIP code appears in the text layer; null without one. */
	public Boolean getAddressFound() {
		return addressFound;
	}

}
