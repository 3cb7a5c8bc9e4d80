package org.mmpcase.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentEmailRepository extends JpaRepository<SentEmail, Long> {

	boolean existsByDedupKey(String dedupKey);

}
