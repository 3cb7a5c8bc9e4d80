package org.mmpcase.documents;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.mmpcase.registration.Application;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DocumentRepository extends JpaRepository<Document, Long> {

	List<Document> findByApplicationAndCurrentVersionTrueOrderByCategory(Application application);

	List<Document> findByApplicationAndCategoryAndCurrentVersionTrue(Application application,
			Document.Category category);

	boolean existsByStorageKey(String storageKey);

	/** Applications that have documents, by id, after the given id (for paging through them). */
	@Query("select a from Application a where a.id > :after and exists (select 1 from Document d where d.application = a)"
			+ " order by a.id")
	List<Application> applicationsWithDocuments(@Param("after") long after, Pageable page);

	List<Document> findByApplication(Application application);

	List<Document> findByApplicationInAndCurrentVersionTrueOrderByCategory(Collection<Application> applications);

	Optional<Document> findByIdAndApplication(Long id, Application application);

	/** Documents stored as uploaded (no key id), by id, after the given id: the encryption migration's batches. */
	@Query("select d.id from Document d where d.keyId is null and d.id > :after order by d.id")
	List<Long> idsStoredAsUploaded(@Param("after") long after, Pageable page);

	/** These documents, locked, if still stored as uploaded (another node's migration may have done them). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from Document d where d.id in :ids and d.keyId is null order by d.id")
	List<Document> lockStoredAsUploaded(@Param("ids") Collection<Long> ids);

}
