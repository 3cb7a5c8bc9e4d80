/** Accounts of patients, caregivers and providers: invitation and activation, sign-in sessions, passwords and their resets, the login throttle. */
package org.mmpcase.account;
