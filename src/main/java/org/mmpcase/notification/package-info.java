/** The case's e-mails: templates, sending once per case and step, payment receipts. */
package org.mmpcase.notification;
