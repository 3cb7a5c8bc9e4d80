/** The case: certification, the person, the application, its process and the applicant steps. */
package org.mmpcase.registration;
