package org.mmpcase.dispensary;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Reference data: a dispensary a patient may choose. */
@Entity
public class Dispensary {

	@Id
	private String code;

	private String name;

	private String town;

	private boolean active;

	protected Dispensary() {
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getTown() {
		return town;
	}

	public boolean isActive() {
		return active;
	}

}
