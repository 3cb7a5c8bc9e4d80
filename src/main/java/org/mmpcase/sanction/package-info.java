/** DCP suspends or revokes a registration: a proposal, a supervisor's decision, the effective date, the suspension's end or lift; a provider withdraws a certification. */
package org.mmpcase.sanction;
