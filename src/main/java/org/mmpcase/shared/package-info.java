/** The shared kernel every module may use: API errors, clock, web basics, logging context, staff groups and engine authorizations. */
package org.mmpcase.shared;
