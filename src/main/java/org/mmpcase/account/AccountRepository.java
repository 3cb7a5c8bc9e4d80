package org.mmpcase.account;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	/** When the account's password last changed (empty when there is no such account); no joins, for every request. */
	@Query("select coalesce(a.passwordChangedAt, a.createdAt) from Account a where a.username = ?1")
	Optional<Instant> passwordChangedAt(String username);

}
