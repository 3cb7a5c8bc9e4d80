package org.mmpcase.dispensary;


import org.mmpcase.shared.BadRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dispensaries a registration may name (reference data). */
@Service
public class DispensaryService {

	private final DispensaryRepository dispensaries;

	DispensaryService(DispensaryRepository dispensaries) {
		this.dispensaries = dispensaries;
	}

	/** @throws BadRequestException when the code is not an active dispensary */
	@Transactional(readOnly = true)
	public Dispensary requireActive(String code, String field) {
		return dispensaries.findById(code)
			.filter(Dispensary::isActive)
			.orElseThrow(() -> BadRequestException.field(field, "Choose a dispensary from the list."));
	}


}
