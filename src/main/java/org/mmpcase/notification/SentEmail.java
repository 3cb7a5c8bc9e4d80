package org.mmpcase.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.mmpcase.registration.Application;

/** Proof that an e-mail of a case went out, keyed so that running the same step again does not send it twice. */
@Entity
class SentEmail {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String dedupKey;

	@ManyToOne
	@JoinColumn(name = "application_id")
	private Application application;

	private String template;

	private String recipient;

	private Instant sentAt;

	protected SentEmail() {
	}

	SentEmail(String dedupKey, Application application, String template, String recipient, Instant sentAt) {
		this.dedupKey = dedupKey;
		this.application = application;
		this.template = template;
		this.recipient = recipient;
		this.sentAt = sentAt;
	}

	Long getId() {
		return id;
	}

	String getDedupKey() {
		return dedupKey;
	}

	String getTemplate() {
		return template;
	}

	String getRecipient() {
		return recipient;
	}

	Instant getSentAt() {
		return sentAt;
	}

}
