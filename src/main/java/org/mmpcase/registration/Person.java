package org.mmpcase.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A patient or a caregiver, as the provider or the patient entered them. */
@Entity
public class Person {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String firstName;

	private String lastName;

	private LocalDate dateOfBirth;

	private String email;

	private String street;

	private String city;

	private String zip;

	@Column(updatable = false)
	private Instant createdAt;

	protected Person() {
	}

	public Person(String firstName, String lastName, LocalDate dateOfBirth, String email, String street, String city,
			String zip, Instant createdAt) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.dateOfBirth = dateOfBirth;
		this.email = normaliseEmail(email);
		this.street = street;
		this.city = city;
		this.zip = zip;
		this.createdAt = createdAt;
	}

	public static String normaliseEmail(String email) {
		return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
	}

	public void correct(String firstName, String lastName, LocalDate dateOfBirth, String street, String city,
			String zip) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.dateOfBirth = dateOfBirth;
		this.street = street;
		this.city = city;
		this.zip = zip;
	}

	public int ageOn(LocalDate day) {
		return java.time.Period.between(dateOfBirth, day).getYears();
	}

	public String getFullName() {
		return firstName + " " + lastName;
	}

	public Long getId() {
		return id;
	}

	public String getFirstName() {
		return firstName;
	}

	public String getLastName() {
		return lastName;
	}

	public LocalDate getDateOfBirth() {
		return dateOfBirth;
	}

	public String getEmail() {
		return email;
	}

	public String getStreet() {
		return street;
	}

	public String getCity() {
		return city;
	}

	public String getZip() {
		return zip;
	}

}
