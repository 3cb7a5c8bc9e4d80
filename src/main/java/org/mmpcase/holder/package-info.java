/**
 * The holder's registrations in the portal: what they hold and what they may do now (change dispensary, report a
 * change, name, replace or remove a caregiver, surrender), and the e-mails that follow.
 */
package org.mmpcase.holder;
