package org.mmpcase.documents;

import java.util.List;
import java.util.Optional;

import org.mmpcase.registration.Application;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentRepository extends JpaRepository<Document, Long> {

	List<Document> findByApplicationAndCurrentVersionTrueOrderByCategory(Application application);

	List<Document> findByApplicationAndCategoryAndCurrentVersionTrue(Application application,
			Document.Category category);

	boolean existsByStorageKey(String storageKey);

	Optional<Document> findByIdAndApplication(Long id, Application application);

}
