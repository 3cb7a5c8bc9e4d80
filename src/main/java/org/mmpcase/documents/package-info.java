/** The proofs of identity and residency: checks, storage, retention, and previews for reviewers. */
package org.mmpcase.documents;
