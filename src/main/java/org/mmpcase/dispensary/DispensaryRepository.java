package org.mmpcase.dispensary;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DispensaryRepository extends JpaRepository<Dispensary, String> {

	List<Dispensary> findByActiveTrueOrderByName();

}
