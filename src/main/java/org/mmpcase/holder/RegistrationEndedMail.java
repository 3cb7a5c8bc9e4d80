package org.mmpcase.holder;

/**
 * A registration ended by its holder's action (surrender, a caregiver removed): its holder is told once this
 * committed. {@code because} is the sentence the e-mail opens with.
 */
record RegistrationEndedMail(long registrationId, String because) {
}
