/** The registration a case ends in: issuing it, the certificate PDF, expiry reminders, public verification for dispensaries, dispensary changes. */
package org.mmpcase.certificate;
